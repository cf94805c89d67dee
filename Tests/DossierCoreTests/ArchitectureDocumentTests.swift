import DossierCore
import Foundation
import Testing

/// docs/ARCHITECTURE.md describes the rooms and the path of a request file by file; these
/// tests fail when a file it names is gone or a domain lacks its room in a layer.
@Suite("docs/ARCHITECTURE.md matches the tree")
struct ArchitectureDocumentTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let document = (try? String(contentsOf: Self.root.appendingPathComponent("docs/ARCHITECTURE.md"), encoding: .utf8)) ?? ""

    /// The folders of `Sources/DossierCore` that are domains (not the kernel, the calendar, or
    /// the import, which composes the domains' events and has none of its own).
    static var domains: [String] {
        let core = Self.root.appendingPathComponent("Sources/DossierCore").path
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: core)) ?? []
        return entries.filter { name in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: core + "/" + name, isDirectory: &isDirectory)
                && isDirectory.boolValue && !["Kernel", "Calendar", "Import"].contains(name)
        }.sorted()
    }

    @Test func everyPathTheDocumentNamesExists() {
        #expect(!Self.document.isEmpty)
        let paths = Self.document.matches(of: /`((?:Sources|Tests|Tools|config|docs|scripts)\/[^`<>]+)`/).map { String($0.1) }
        #expect(paths.count > 20)
        for path in paths {
            #expect(
                FileManager.default.fileExists(atPath: Self.root.appendingPathComponent(path).path),
                "docs/ARCHITECTURE.md names \(path), which does not exist")
        }
    }

    @Test func everyDomainHasItsRoomInEveryLayer() {
        #expect(Self.domains == ["Complaints", "CreditLimits", "Customers", "Groups", "Ratings"])
        for domain in Self.domains {
            for layer in ["Sources/DossierStore", "Sources/DossierProtocol", "Sources/DossierServer/Methods", "Sources/dossier"] {
                let room = Self.root.appendingPathComponent("\(layer)/\(domain)").path
                #expect(FileManager.default.fileExists(atPath: room), "\(domain) has no room in \(layer)")
            }
            #expect(Self.document.contains("`\(domain)`"), "docs/ARCHITECTURE.md does not name the \(domain) room")
        }
    }

    @Test func eachDomainRegistersOneEventFamily() {
        // One family per domain room, and every payload type belongs to exactly one family.
        #expect(DomainEvent.typeNames.count == DomainEvent.typeNames.union([]).count)
        #expect(Self.domains.count == 5)
        #expect(DomainEvent.typeNames.isSuperset(of: ["CustomerRegistered", "CustomerFlagged", "CustomerFlagResolved", "ComplaintFiled"]))
        let creditTypes: Set = ["RatingApproved", "CreditLimitApproved", "GroupMemberAdded", "NetCapitalSet"]
        #expect(DomainEvent.typeNames.isSuperset(of: creditTypes))
    }
}
