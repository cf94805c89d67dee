import DossierCore
import DossierStore
import Foundation

/// A mixed credit workload on the daemon's own writer: re-ratings (proposed and approved) and
/// member limit decisions in groups (proposals, changes and approvals that read the group's
/// limit and the other members' limits on the writer, some refused by the group's ceiling).
///
/// It runs in process through `DossierStore.execute`, not over the socket: a proposal and its
/// approval must come from two people (four eyes), and every connection of the benchmark has
/// the one uid of its process.
struct CreditWorkload {
    let configuration: BenchConfiguration
    static let groups = 20
    static let membersPerGroup = 10
    static let groupLimit = 300_000_000
    static let clerk = CommandMetadata(actor: Actor(uid: 5001, user: "bench-clerk"))
    static let approver = CommandMetadata(actor: Actor(uid: 5002, user: "bench-approver"))

    /// The events appended per second while `configuration.clients` tasks decide, and a note.
    func run(_ store: DossierStore) async throws -> MeasuredRate {
        let members = (0..<(Self.groups * Self.membersPerGroup)).map {
            CustomerID(rawValue: WorkloadData.customerID($0))
        }
        try await Self.prepare(store, members: members)
        let validTo = store.today.adding(days: 300)
        let headBefore = try store.head().sequence
        let deadline = Date().addingTimeInterval(self.configuration.seconds)
        let clients = self.configuration.clients
        let start = Date()
        let counts = try await withThrowingTaskGroup(of: (decisions: Int, refused: Int).self) { group in
            for client in 0..<clients {
                let mine = Array(members.enumerated().filter { $0.offset % clients == client }.map(\.element))
                group.addTask {
                    try await Self.decide(
                        store, customers: mine, validTo: validTo, until: deadline, seed: UInt64(client + 77))
                }
            }
            return try await group.reduce(into: (decisions: 0, refused: 0)) {
                $0.decisions += $1.decisions
                $0.refused += $1.refused
            }
        }
        let elapsed = Date().timeIntervalSince(start)
        let appended = try store.head().sequence - headBefore
        let note = String(
            format: "%d decisions in %.1f s, %d refused by a rule (mostly the group ceiling); in process, %d tasks",
            counts.decisions, elapsed, counts.refused, clients)
        return MeasuredRate(eventsPerSecond: Double(appended) / elapsed, note: note)
    }

    /// Net capital, groups with their members and a limit of 300 million each, every member rated AA.
    private static func prepare(_ store: DossierStore, members: [CustomerID]) async throws {
        _ = try await store.execute(
            SetNetCapital(amount: ExactDecimal(10_000_000_000), reason: "bench"), metadata: Self.approver)
        for index in 0..<Self.groups {
            let group = GroupID(rawValue: "bench-g\(index)")
            _ = try await store.execute(CreateGroup(id: group, name: "Bench group \(index)"), metadata: Self.clerk)
            for member in members[(index * Self.membersPerGroup)..<((index + 1) * Self.membersPerGroup)] {
                _ = try await store.execute(
                    AddGroupMember(group: group, customer: member, relation: .control, evidence: "bench"),
                    metadata: Self.clerk)
            }
            try await Self.grant(store, .group(group), amount: Self.groupLimit, validTo: store.today.adding(days: 300))
        }
        for member in members { try await Self.rate(store, member, grade: "AA") }
    }

    private static func rate(_ store: DossierStore, _ customer: CustomerID, grade: String) async throws {
        _ = try await store.execute(
            ProposeRating(customer: customer, scale: "corporate", grade: grade, reason: .annualReview),
            metadata: Self.clerk)
        _ = try await store.execute(
            ApproveRating(customer: customer, scale: "corporate", role: "admin"), metadata: Self.approver)
    }

    private static func grant(_ store: DossierStore, _ subject: CreditSubject, amount: Int, validTo: LocalDate)
        async throws
    {
        _ = try await store.execute(
            ProposeCreditLimit(
                subject: subject, amount: ExactDecimal(amount), kind: .incremental, mode: .internal, validTo: validTo,
                basis: "bench"), metadata: Self.clerk)
        _ = try await store.execute(ApproveCreditLimit(subject: subject, role: "admin"), metadata: Self.approver)
    }

    /// One task's decisions on its own customers until `deadline`: a re-rating (AA and A in
    /// turn, one step apart) or a member limit decision (a new limit, then changes up and down).
    private static func decide(
        _ store: DossierStore, customers: [CustomerID], validTo: LocalDate, until deadline: Date, seed: UInt64
    ) async throws -> (decisions: Int, refused: Int) {
        var rng = SplitMix64(seed: seed)
        var hasLimit = Set<CustomerID>()
        var grades = Dictionary(uniqueKeysWithValues: customers.map { ($0, "AA") })
        var decisions = 0
        var refused = 0
        while Date() < deadline, let customer = customers.randomElement(using: &rng) {
            decisions += 1
            do {
                if rng.chance(0.25) {
                    let grade = grades[customer] == "AA" ? "A" : "AA"
                    try await Self.rate(store, customer, grade: grade)
                    grades[customer] = grade
                    continue
                }
                let amount = ExactDecimal(Int.random(in: 5...45, using: &rng) * 1_000_000)
                let subject = CreditSubject.customer(customer)
                if hasLimit.contains(customer) {
                    _ = try await store.execute(
                        ChangeCreditLimit(subject: subject, number: 1, amount: amount, basis: "bench"),
                        metadata: Self.clerk)
                } else {
                    _ = try await store.execute(
                        ProposeCreditLimit(
                            subject: subject, amount: amount, kind: .incremental, mode: .internal, validTo: validTo,
                            basis: "bench"), metadata: Self.clerk)
                }
                do {
                    _ = try await store.execute(
                        ApproveCreditLimit(subject: subject, role: "admin"), metadata: Self.approver)
                    hasLimit.insert(customer)
                } catch is DomainError {
                    // Another member's approval took the headroom meanwhile: turn this one down.
                    refused += 1
                    _ = try await store.execute(
                        LimitAction(.reject, subject: subject, role: "admin", reason: "over the group ceiling"),
                        metadata: Self.approver)
                }
            } catch is DomainError {
                refused += 1
            }
        }
        return (decisions, refused)
    }
}
