import DossierCore

extension Method {
    public static let importRows = Method(
        "import.rows",
        "Import a batch of records of an external file: each row's facts (customer, complaint, limit, flags, rating) "
            + "are one decision, answered row by row; a row whose source and key were imported before appends nothing.",
        parameters: [
            .init("source", "string", required: true, "the data set, e.g. cfpb: with a row's key it names the record"),
            .init(
                "rows", "array of rows", required: true,
                "at most import.max_rows_per_request rows: {key, line, customer, complaint, limit, flags, rating}"),
        ],
        // Recording what a file holds is a clerk's work; a row carrying an approved limit or
        // rating also needs the authority or approver role that would approve it (checked per row).
        roles: recorders)

    /// The import room's methods.
    public static let imports: [Method] = [importRows]
}
