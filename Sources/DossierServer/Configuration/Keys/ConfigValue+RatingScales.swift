import DossierCore
import DossierProtocol

extension ConfigValue where Value == [RatingScale] {
    /// `[[policy.ratings.scales]]`: each scale a table (see config/dossierd.toml).
    static let ratingScales = ConfigValue(
        description: "array of rating scale tables",
        read: { section, name throws(ConfigurationError) in
            guard let elements = try section.tableArray(name) else { return nil }
            var scales: [RatingScale] = []
            for element in elements {
                let scale = try Self.scale(element)
                guard !scales.contains(where: { $0.name == scale.name }) else {
                    throw ConfigurationError(key: element.key("name"), message: "\"\(scale.name)\" names two scales")
                }
                scales.append(scale)
            }
            return scales
        },
        render: { scales in "[" + scales.map(Self.render).joined(separator: ", ") + "]" })

    private static func scale(_ section: TOMLSection) throws(ConfigurationError) -> RatingScale {
        let name = try section.identifier("name")
        guard let gradeSections = try section.tableArray("grades", orStringsAs: "name"), !gradeSections.isEmpty else {
            throw ConfigurationError(key: section.key("grades"), message: "must list the scale's grades, best first")
        }
        var grades: [RatingScale.Grade] = []
        for grade in gradeSections {
            guard let gradeName = try grade.string("name"), !gradeName.isEmpty, gradeName.count <= 32 else {
                throw ConfigurationError(key: grade.key("name"), message: "must be 1 to 32 characters")
            }
            guard !grades.contains(where: { $0.name == gradeName }) else {
                throw ConfigurationError(key: grade.key("name"), message: "\"\(gradeName)\" is listed twice")
            }
            let ratio = try grade.decimal("provision_ratio")
            if let ratio, !(ExactDecimal.zero...ExactDecimal(1)).contains(ratio) {
                throw ConfigurationError(key: grade.key("provision_ratio"), message: "must be from 0 to 1")
            }
            grades.append(
                RatingScale.Grade(gradeName, minimumScore: try grade.decimal("min_score"), provisionRatio: ratio))
        }
        let scored = grades.filter { $0.minimumScore != nil }
        if !scored.isEmpty {
            guard scored.count == grades.count,
                zip(grades, grades.dropFirst()).allSatisfy({ $0.minimumScore! > $1.minimumScore! })
            else {
                throw ConfigurationError(
                    key: section.key("grades"),
                    message: "with scores, every grade needs a min_score, falling from the best grade to the worst")
            }
        }
        let defaults = try section.stringArray("default_grades") ?? []
        for grade in defaults where !grades.contains(where: { $0.name == grade }) {
            throw ConfigurationError(
                key: section.key("default_grades"), message: "\"\(grade)\" is not a grade of \(name)")
        }
        var parts: [RatingScale.Part] = []
        for part in try section.tableArray("parts") ?? [] {
            guard let partName = try part.string("name"), !partName.isEmpty, partName.count <= 32 else {
                throw ConfigurationError(key: part.key("name"), message: "must be 1 to 32 characters")
            }
            guard let maximum = try part.decimal("max"), maximum > .zero else {
                throw ConfigurationError(key: part.key("max"), message: "must be more than 0")
            }
            guard !parts.contains(where: { $0.name == partName }) else {
                throw ConfigurationError(key: part.key("name"), message: "\"\(partName)\" is listed twice")
            }
            parts.append(RatingScale.Part(partName, maximum: maximum, subtracts: try part.bool("subtracts") ?? false))
        }
        guard parts.isEmpty || !scored.isEmpty else {
            throw ConfigurationError(
                key: section.key("parts"), message: "parts add up to a score: the grades need min_score")
        }
        let bucket = try section.bool("bucket_principle") ?? false
        guard !bucket || parts.contains(where: { !$0.subtracts }) else {
            throw ConfigurationError(key: section.key("bucket_principle"), message: "needs parts that add to the score")
        }
        let mapping = Dictionary(
            (try section.stringTable("mapping") ?? []).map { ($0.key, $0.value) }, uniquingKeysWith: { $1 })
        let mapsTo = try section.string("maps_to")
        if mapsTo != nil {
            for grade in grades where mapping[grade.name] == nil {
                throw ConfigurationError(
                    key: section.key("mapping"), message: "must map every grade; \"\(grade.name)\" is missing")
            }
        }
        return RatingScale(
            name: name, displayName: try section.string("display_name") ?? "", grades: grades, defaultGrades: defaults,
            upgradesMaySkip: try section.bool("upgrades_may_skip") ?? true, parts: parts, bucketPrinciple: bucket,
            approverRoles: try section.roleNames("approver_roles", callers: .approveRating) ?? ["approver", "admin"],
            mapsTo: mapsTo, mapping: mapping,
            quarterlyVolumeThreshold: try section.decimal("quarterly_volume_threshold"))
    }

    /// One scale as a TOML inline table.
    private static func render(_ scale: RatingScale) -> String {
        let grades = scale.grades.map { grade -> String in
            guard grade.minimumScore != nil || grade.provisionRatio != nil else { return tomlString(grade.name) }
            var members = ["name = \(tomlString(grade.name))"]
            if let score = grade.minimumScore { members.append("min_score = \(tomlString(score.description))") }
            if let ratio = grade.provisionRatio { members.append("provision_ratio = \(tomlString(ratio.description))") }
            return "{ " + members.joined(separator: ", ") + " }"
        }
        var members = [
            "name = \(tomlString(scale.name))", "display_name = \(tomlString(scale.displayName))",
            "grades = [" + grades.joined(separator: ", ") + "]", "default_grades = \(tomlStrings(scale.defaultGrades))",
            "upgrades_may_skip = \(scale.upgradesMaySkip)",
            "parts = ["
                + scale.parts.map { part in
                    "{ name = \(tomlString(part.name)), max = \(tomlString(part.maximum.description)), "
                        + "subtracts = \(part.subtracts) }"
                }.joined(separator: ", ") + "]",
            "bucket_principle = \(scale.bucketPrinciple)", "approver_roles = \(tomlStrings(scale.approverRoles))",
        ]
        if let mapsTo = scale.mapsTo { members.append("maps_to = \(tomlString(mapsTo))") }
        if !scale.mapping.isEmpty { members.append("mapping = \(tomlStringTable(scale.mapping))") }
        if let threshold = scale.quarterlyVolumeThreshold {
            members.append("quarterly_volume_threshold = \(tomlString(threshold.description))")
        }
        return "{ " + members.joined(separator: ", ") + " }"
    }
}
