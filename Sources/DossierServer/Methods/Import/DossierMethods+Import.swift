import DossierCore
import DossierProtocol
import DossierStore
import Foundation
import Logging

extension DossierMethods {
    /// `import.rows`: every row becomes one `ImportRecord` queued to the writer on its own, so
    /// the writer's group commit carries many rows per flush and each row succeeds or fails
    /// alone. A row's request id comes from the source and its key (`ImportRecordID`).
    static func registerImports(on router: inout RequestRouter, store: DossierStore, maximumRows: Int) {
        router.command(Method.importRows) { (params: ImportRowsParams, context) in
            guard params.rows.count <= maximumRows else {
                throw WireError(
                    code: .badRequest,
                    message: "an import.rows request carries at most \(maximumRows) rows "
                        + "(import.max_rows_per_request), not \(params.rows.count); send smaller batches",
                    details: ["maximum": .number(Double(maximumRows)), "rows": .number(Double(params.rows.count))])
            }
            let source = params.source
            var records: [(ImportRecord, CommandMetadata)] = []
            var answered: [Int: ImportRowResult] = [:]
            for (index, row) in params.rows.enumerated() {
                do {
                    let record = try Self.record(
                        row, source: source, role: context.role?.rawValue, calendar: store.policy.calendar)
                    records.append(
                        (
                            record,
                            CommandMetadata(
                                actor: context.actor,
                                requestID: ImportRecordID.requestID(source: source, key: record.key))
                        ))
                } catch {
                    answered[index] = Self.rejected(row, ErrorMapping.wireError(for: error, logger: context.logger))
                }
            }
            let pending = store.enqueue(contentsOf: records)
            let rows = params.rows
            let logger = context.logger
            let refused = answered
            return QueuedCommand(all: pending) { outcomes in
                var next = outcomes.makeIterator()
                return ImportRowsResult(
                    rows: rows.indices.map { index in
                        if let answer = refused[index] { return answer }
                        return Self.answer(rows[index], next.next()!, logger: logger)
                    })
            }
        }
    }

    /// The command a row asks for; throws what is wrong with it.
    static func record(
        _ row: ImportRowParams.Decoded, source: String, role: String?, calendar: BusinessCalendar
    ) throws -> ImportRecord {
        guard case .row(let params) = row else {
            guard case .malformed(_, _, let problem) = row else { preconditionFailure("a row is a row or malformed") }
            throw WireError(code: .badRequest, message: problem)
        }
        let customer = RegisterCustomer(
            id: try CustomerID.parse(params.customer.id, field: "customer.id"), name: params.customer.name,
            kind: params.customer.kind, stage: params.customer.stage ?? .prospect,
            tier: params.customer.tier ?? .ordinary)
        return ImportRecord(
            source: source, key: params.key, customer: customer,
            complaint: params.complaint.map { Self.complaint($0, key: params.key, calendar: calendar) },
            limit: try params.limit.map { limit in
                ImportedLimit(
                    amount: limit.amount, currency: try limit.currency.map { try Currency.parse($0, field: "limit.currency") },
                    kind: limit.kind, mode: limit.mode, validFrom: limit.validFrom, validTo: limit.validTo,
                    basis: limit.basis)
            }, flags: params.flags ?? [], rating: params.rating, role: role)
    }

    /// A complaint dated by day only starts at the day's start in the daemon's calendar.
    private static func complaint(_ params: ImportedComplaintParams, key: String, calendar: BusinessCalendar)
        -> ImportedComplaint
    {
        let start = { (day: LocalDate) in calendar.instant(on: day, millisecondsOfDay: 0) }
        return ImportedComplaint(
            filing: FileComplaint(
                customer: nil, type: params.type, channel: params.channel, level: params.level, subject: params.subject,
                description: params.description ?? "", indirect: params.indirect ?? false, unit: params.unit,
                receivedAt: params.receivedAt ?? params.receivedOn.map(start), externalID: params.externalId ?? key),
            outcome: params.outcome, closed: params.closed ?? false, closedAt: params.closedAt ?? params.closedOn.map(start),
            timely: params.timely,
            disputed: params.disputed)
    }

    private static func answer(
        _ row: ImportRowParams.Decoded, _ outcome: Result<CommandOutcome<CustomerState>, any Error>, logger: Logger
    ) -> ImportRowResult {
        let (key, line) = Self.identity(of: row)
        switch outcome {
        case .success(let done) where done.deduplicated:
            return ImportRowResult(key: key, line: line, status: .duplicate)
        case .success(let done):
            return ImportRowResult(key: key, line: line, status: .accepted, events: done.events.count)
        case .failure(let error):
            return Self.rejected(row, ErrorMapping.wireError(for: error, logger: logger))
        }
    }

    private static func rejected(_ row: ImportRowParams.Decoded, _ error: WireError) -> ImportRowResult {
        let (key, line) = Self.identity(of: row)
        return ImportRowResult(key: key, line: line, status: .rejected, error: error)
    }

    private static func identity(of row: ImportRowParams.Decoded) -> (String?, Int?) {
        switch row {
        case .row(let params): return (params.key, params.line)
        case .malformed(let key, let line, _): return (key, line)
        }
    }
}
