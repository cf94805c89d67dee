import DossierClient
import DossierCore
import DossierProtocol

/// What `dossier customer show` prints: the customer, then what each room knows of it (its
/// part added by the room's own `add...` in `CustomerDossier+<Room>.swift`), and with
/// `--history` every event of the customer, from every stream the rooms name.
struct CustomerDossier: Encodable {
    /// One room's part: how it reads, and its JSON as the daemon sent it (confidential fields the
    /// caller may not see stay out, with the result's `withheld`).
    struct Section {
        var key: String
        var text: String
        var json: JSONValue
    }

    /// Where the customer's events are: a stream, and which of its events are the customer's
    /// (a group's stream holds every member's).
    struct HistorySource {
        var stream: StreamID
        var isTheCustomers: (EventView) -> Bool = { _ in true }
    }

    let result: CustomerResult
    private(set) var sections: [Section] = []
    private(set) var historySources: [HistorySource]
    private(set) var history: [EventView]?

    init(_ result: CustomerResult) {
        self.result = result
        self.historySources = [HistorySource(stream: .customer(result.customer.id))]
    }

    var id: CustomerID { self.result.customer.id }

    /// Adds a room's part: `result` as the daemon sent it, rendered by `render`.
    mutating func add<Result: HasConfidentialFields>(_ key: String, _ result: Result, render: (Result) -> String) throws
    {
        let json = try DossierJSON.decode(JSONValue.self, from: result.encodedAsReceived())
        self.sections.append(Section(key: key, text: render(result), json: json))
    }

    /// Adds a part a room built itself (one that is not a single confidential result).
    mutating func add(_ section: Section) { self.sections.append(section) }

    mutating func addHistorySource(_ source: HistorySource) { self.historySources.append(source) }

    /// Reads every event of the history sources (`log.read`, page by page), in log order.
    mutating func loadHistory(from connection: DossierConnection, asOf: Timestamp?) throws {
        var events: [EventView] = []
        for source in self.historySources {
            events += try connection.history(of: source.stream.rawValue, asOf: asOf).events.filter(source.isTheCustomers)
        }
        self.history = events.sorted { $0.sequence < $1.sequence }
    }

    var rendered: String {
        var text = Rendering.customer(self.result)
        for section in self.sections { text += "\n\n" + section.text }
        if let history = self.history { text += "\n\n" + Rendering.history(history) }
        return text
    }

    /// The customer result's members as the daemon sent them (`customer`, `withheld`), then
    /// each room's part under its key, then `history`.
    func encode(to encoder: any Encoder) throws {
        guard case .object(var object) = try DossierJSON.decode(JSONValue.self, from: self.result.encodedAsReceived())
        else { return }
        for section in self.sections { object[section.key] = section.json }
        if let history = self.history {
            object["history"] = try DossierJSON.decode(JSONValue.self, from: DossierJSON.encode(history))
        }
        try JSONValue.object(object).encode(to: encoder)
    }
}
