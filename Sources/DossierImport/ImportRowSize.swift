import DossierProtocol

extension ImportRowParams {
    /// An upper estimate of the row's size in a request line: its free texts twice over (JSON
    /// escapes a quote or a backslash with one more byte) plus an allowance for the names and
    /// the other fields of each part (a complaint has fourteen). A batch is cut by this as well as by its row count, so that rows
    /// with long texts (CFPB narratives run to thousands of characters) still make a request
    /// under the daemon's `server.max_line_bytes`.
    var estimatedBytes: Int {
        var texts = [self.key, self.customer.id, self.customer.name]
        if let complaint = self.complaint {
            texts += [complaint.subject, complaint.description ?? "", complaint.outcome ?? "", complaint.unit ?? ""]
            texts.append(complaint.externalId ?? "")
        }
        if let limit = self.limit { texts.append(limit.basis) }
        if let rating = self.rating { texts += [rating.scale, rating.grade, rating.note] }
        texts += (self.flags ?? []).map(\.detail)
        let allowance =
            256 + 64 * (self.flags?.count ?? 0) + (self.complaint == nil ? 0 : 256) + (self.limit == nil ? 0 : 128)
            + (self.rating == nil ? 0 : 128)
        return allowance + 2 * texts.reduce(0) { $0 + $1.utf8.count }
    }
}
