/// Every rule of the domain: one line per room.
public enum RuleCatalog {
    public static let all: [Rule] = Rule.kernel + Rule.customers + Rule.complaints + Rule.ratings + Rule.creditLimits + Rule.groups
}
