import DossierCore

extension ConfigurationRelations {
    /// The credit policy's names must point at things it declares: a scale mapped onto
    /// another, the minimum grades of incremental credit, the authorities of the bands and of
    /// the largest group limits.
    static func checkCreditPolicy(_ policy: Policy) throws(ConfigurationError) {
        let ratings = policy.ratings
        for scale in ratings.scales {
            guard let target = scale.mapsTo else { continue }
            guard target != scale.name, let mapped = ratings.scale(named: target) else {
                throw ConfigurationError(
                    key: "policy.ratings.scales",
                    message: "scale \(scale.name) maps_to \"\(target)\", which is no other scale")
            }
            for (grade, counted) in scale.mapping.sorted(by: { $0.key < $1.key }) where mapped.rank(of: counted) == nil
            {
                throw ConfigurationError(
                    key: "policy.ratings.scales",
                    message: "scale \(scale.name) maps \(grade) to \"\(counted)\", which is no grade of \(target)")
            }
        }
        for (scaleName, grade) in policy.limits.incrementalMinimumGrades.sorted(by: { $0.key < $1.key }) {
            guard let scale = ratings.scale(named: scaleName), scale.rank(of: grade) != nil else {
                throw ConfigurationError(
                    key: "policy.limits.incremental_minimum_grades",
                    message: "\(scaleName) = \"\(grade)\" names no grade of a scale in policy.ratings.scales")
            }
        }
        let authorities = policy.limits.authorities
        for band in policy.limits.approvalBands where authorities.authority(named: band.authority) == nil {
            throw ConfigurationError(
                key: "policy.limits.approval_bands",
                message: "\"\(band.authority)\" is not an authority of policy.limits.authorities")
        }
        guard authorities.authority(named: policy.groups.topAuthority) != nil else {
            throw ConfigurationError(
                key: "policy.groups.top_authority",
                message: "\"\(policy.groups.topAuthority)\" is not an authority of policy.limits.authorities")
        }
    }
}
