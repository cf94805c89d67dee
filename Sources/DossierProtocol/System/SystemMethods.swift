import DossierCore

extension Method {
    public static let hello = Method(
        "system.hello", "Protocol and server version, and who the server thinks you are.", roles: everyone)
    public static let methods = Method(
        "system.methods", "Every method with its parameters and roles.", roles: everyone)

    /// The system methods, in the order `system.methods` lists them.
    static let system: [Method] = [.hello, .methods]
}
