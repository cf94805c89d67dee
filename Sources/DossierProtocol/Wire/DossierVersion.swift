/// The version of this build of dossierd and dossier.
public enum DossierVersion {
    public static let current = "0.1.0"
}
