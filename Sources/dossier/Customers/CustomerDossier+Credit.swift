import DossierClient
import DossierCore
import DossierProtocol

extension CustomerDossier {
    /// The credit part of the dossier: the customer's current ratings, its limits and its
    /// group, from their rooms' read methods (confidential parts as the caller's role sees
    /// them), and their streams for `--history`.
    mutating func addCredit(from connection: DossierConnection, asOf: Timestamp?) throws {
        let customer = self.id.rawValue
        var ratings = try connection.call(
            Method.showRatings, ShowRatingsParams(customer: customer), as: RatingsResult.self)
        let scales = ratings.ratings.map(\.scale)
        if let asOf {
            var past: [RatingState] = []
            for scale in scales {
                past += try connection.call(
                    Method.showRatings, ShowRatingsParams(customer: customer, scale: scale, asOf: asOf),
                    as: RatingsResult.self
                ).ratings
            }
            ratings.ratings = past
        }
        try self.add("ratings", ratings) { "ratings\n" + Rendering.ratings($0) }
        for scale in scales { self.addHistorySource(HistorySource(stream: .rating(self.id, scale: scale))) }

        let limits = try connection.call(
            Method.showLimits, ShowLimitsParams(customer: customer, asOf: asOf), as: CreditLimitsResult.self)
        try self.add("limits", limits) { Rendering.creditLimits($0) }
        self.addHistorySource(HistorySource(stream: CreditSubject.customer(self.id).stream))

        if let group = try Self.group(of: customer, asOf: asOf, connection: connection) {
            try self.add("group", group) { "group\n" + Rendering.group($0) }
            self.addHistorySource(
                HistorySource(stream: .group(group.group.id)) { event in
                    event.data["customer"] == .string(customer)
                })
        }
    }

    /// The customer's group (as it stood at `asOf`), or nil when it is in none.
    private static func group(of customer: String, asOf: Timestamp?, connection: DossierConnection) throws
        -> GroupResult?
    {
        do {
            let current = try connection.call(
                Method.showGroup, ShowGroupParams(customer: customer), as: GroupResult.self)
            guard let asOf else { return current }
            return try connection.call(
                Method.showGroup, ShowGroupParams(id: current.group.id.rawValue, asOf: asOf), as: GroupResult.self)
        } catch let error as WireError where error.code == .notFound {
            return nil
        }
    }
}
