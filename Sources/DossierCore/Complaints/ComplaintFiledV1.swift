/// `ComplaintFiled` as schema 1 wrote it, before anonymous complaints, scopes and running
/// counts: every complaint had a customer, and its number followed the one fixed pattern
/// `{unit}{yy}{MM}{dd}{running}`, counted per unit and day. Logs written then are read through
/// `ComplaintFiled.decode(schemaVersion:from:)`, which upcasts them, so no code past the
/// decoder sees this shape.
public struct ComplaintFiledV1: Codable, Hashable, Sendable {
    public var number: ComplaintNumber
    public var customer: CustomerID
    public var type: ComplaintType
    public var channel: ComplaintChannel
    public var level: ComplaintLevel
    public var subject: String
    public var description: String
    public var anonymous: Bool
    public var indirect: Bool
    public var unit: String
    public var receivedAt: Timestamp
    public var incidentAt: Timestamp?
    public var receiver: String
    public var respondBy: Timestamp
    public var resolveBy: Timestamp

    public init(
        number: ComplaintNumber, customer: CustomerID, type: ComplaintType, channel: ComplaintChannel,
        level: ComplaintLevel, subject: String, description: String, anonymous: Bool, indirect: Bool, unit: String,
        receivedAt: Timestamp, incidentAt: Timestamp?, receiver: String, respondBy: Timestamp, resolveBy: Timestamp
    ) {
        self.number = number
        self.customer = customer
        self.type = type
        self.channel = channel
        self.level = level
        self.subject = subject
        self.description = description
        self.anonymous = anonymous
        self.indirect = indirect
        self.unit = unit
        self.receivedAt = receivedAt
        self.incidentAt = incidentAt
        self.receiver = receiver
        self.respondBy = respondBy
        self.resolveBy = resolveBy
    }

    /// The running count the fixed pattern numbered in, as `ComplaintNumbering.numberingSeries`
    /// names a count per unit and day (`UNIT/2024-03-05`), and the running number in it; nil when
    /// the number does not follow the pattern.
    var runningCount: (series: String, running: Int)? {
        let text = self.number.rawValue
        let unit = text.prefix { $0.isUppercase }
        let digits = text.dropFirst(unit.count)
        guard !unit.isEmpty, digits.count > 6, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber),
            let running = Int(digits.dropFirst(6))
        else { return nil }
        let day = digits.prefix(6)
        return ("\(unit)/20\(day.prefix(2))-\(day.dropFirst(2).prefix(2))-\(day.suffix(2))", running)
    }
}

extension ComplaintFiled {
    /// Reads schema 1 by upcasting: what schema 2 added takes the value schema 1 implied (an
    /// individual, domestic complaint of a known customer, no claim, no later deadlines), and the
    /// running count is read back from the number, so numbering continues where it stopped.
    public static func decode(schemaVersion: UInt16, from bytes: some Collection<UInt8>) throws -> ComplaintFiled {
        guard schemaVersion == 1 else { return try DossierJSON.decode(Self.self, from: bytes) }
        let old = try DossierJSON.decode(ComplaintFiledV1.self, from: bytes)
        guard let count = old.runningCount else {
            throw EventDecodingError.cannotUpcast(
                type: Self.typeName, stored: schemaVersion,
                reason: "complaint number \(old.number) does not follow schema 1's {unit}{yy}{MM}{dd}{running}")
        }
        return ComplaintFiled(
            number: old.number, customer: old.customer, type: old.type, channel: old.channel, level: old.level,
            subject: old.subject, description: old.description, anonymous: old.anonymous, indirect: old.indirect,
            unit: old.unit, receivedAt: old.receivedAt, incidentAt: old.incidentAt, receiver: old.receiver,
            respondBy: old.respondBy, resolveBy: old.resolveBy, scope: .individual, foreign: false, externalId: nil,
            claim: nil, series: count.series, running: count.running, temporaryMeasureBy: nil, closeBy: nil,
            basis: nil, reopenedFrom: nil)
    }
}
