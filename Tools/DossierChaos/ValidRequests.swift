import DossierCore
import DossierProtocol
import Foundation

/// Valid write requests with seeded variety, for the crash test's clients and the fuzzer's
/// known-good lines.
///
/// Complaints spread over random units and receiving days of the last 60 days: a unit's
/// running number allows 999 complaints a day, and a long run files far more.
enum ValidRequests {
    static func register(id: String, requestID: UUID, using rng: inout SplitMix64) -> RegisterCustomerParams {
        RegisterCustomerParams(
            id: id, name: "Customer \(id)", kind: CustomerKind.allCases.randomElement(using: &rng)!,
            stage: rng.chance(0.5) ? PoolStage.allCases.randomElement(using: &rng) : nil,
            tier: rng.chance(0.5) ? CustomerTier.allCases.randomElement(using: &rng) : nil, requestId: requestID)
    }

    static func complaint(customer: String, subject: String, requestID: UUID, using rng: inout SplitMix64)
        -> FileComplaintParams
    {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        let unit = String([letters.randomElement(using: &rng)!, letters.randomElement(using: &rng)!])
        let ageMinutes = Int.random(in: 10..<(60 * 24 * 60), using: &rng)
        let received = Timestamp(Date()).adding(minutes: -ageMinutes)
        return FileComplaintParams(
            customer: customer, type: ComplaintType.allCases.randomElement(using: &rng)!,
            channel: ComplaintChannel.allCases.randomElement(using: &rng)!,
            level: ComplaintLevel.allCases.randomElement(using: &rng)!, subject: subject,
            description: rng.chance(0.3) ? "details of \(subject)" : nil, anonymous: rng.chance(0.1) ? true : nil,
            indirect: rng.chance(0.1) ? true : nil, unit: unit, receivedAt: received,
            incidentAt: rng.chance(0.2) ? received.adding(minutes: -Int.random(in: 1..<10_000, using: &rng)) : nil,
            scope: rng.chance(0.1) ? .group : nil, foreign: rng.chance(0.1) ? true : nil,
            externalId: rng.chance(0.1) ? "EXT-\(rng.next() % 1_000_000)" : nil,
            claim: rng.chance(0.2) ? DecimalAmount(hundredths: Int64(rng.next() % 10_000_000)) : nil, requestId: requestID)
    }

    static func flag(customer: String, requestID: UUID, using rng: inout SplitMix64) -> FlagCustomerParams {
        FlagCustomerParams(
            customer: customer, kind: FlagKind.allCases.randomElement(using: &rng)!,
            source: ["bureau", "system", "branch"].randomElement(using: &rng)!,
            detail: rng.chance(0.5) ? "observed by the crash test" : nil,
            response: rng.chance(0.5) ? FlagResponse.allCases.randomElement(using: &rng) : nil,
            expectedVersion: rng.chance(0.2) ? .streamExists : nil, requestId: requestID)
    }

    /// A due list: overdue, due today, at risk or breached, optionally of some states and levels.
    static func dueList(using rng: inout SplitMix64) -> ListComplaintsParams {
        ListComplaintsParams(
            status: rng.chance(0.5) ? [ComplaintStatus.allCases.randomElement(using: &rng)!] : nil,
            level: rng.chance(0.3) ? [ComplaintLevel.allCases.randomElement(using: &rng)!] : nil,
            dueToday: rng.chance(0.3) ? true : nil, overdue: rng.chance(0.3) ? true : nil,
            atRisk: rng.chance(0.2) ? true : nil, breached: rng.chance(0.2) ? true : nil, limit: 20)
    }
}
