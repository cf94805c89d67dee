import DossierCore
import DossierProtocol
import DossierStore

extension DossierMethods {
    static func registerCustomers(on router: inout RequestRouter, store: DossierStore) {
        router.command(Method.registerCustomer) { (params: RegisterCustomerParams, context) in
            let command = RegisterCustomer(
                id: try CustomerID.parse(params.id, field: "id"), name: params.name, kind: params.kind,
                stage: params.stage ?? .prospect, tier: params.tier ?? .ordinary)
            let pending = store.enqueue(command, metadata: CommandMetadata(actor: context.actor, requestID: params.requestId))
            return QueuedCommand(pending, result: Self.customerResult)
        }
        router.command(Method.flagCustomer) { (params: FlagCustomerParams, context) in
            let command = FlagCustomer(
                customer: try CustomerID.parse(params.customer, field: "customer"), kind: params.kind,
                source: params.source, detail: params.detail ?? "", observedOn: params.observedOn,
                response: params.response)
            let pending = store.enqueue(
                command,
                metadata: CommandMetadata(
                    actor: context.actor, requestID: params.requestId, expectedVersion: params.expectedVersion))
            return QueuedCommand(pending, result: Self.customerResult)
        }
        router.command(Method.resolveFlag) { (params: ResolveFlagParams, context) in
            let command = ResolveFlag(
                customer: try CustomerID.parse(params.customer, field: "customer"), flag: params.flag,
                outcome: params.outcome, resolvedOn: params.resolvedOn, note: params.note ?? "")
            let pending = store.enqueue(
                command,
                metadata: CommandMetadata(
                    actor: context.actor, requestID: params.requestId, expectedVersion: params.expectedVersion))
            return QueuedCommand(pending, result: Self.customerResult)
        }
        router.command(Method.changeStage) { (params: ChangeStageParams, context) in
            let command = ChangeStage(
                customer: try CustomerID.parse(params.customer, field: "customer"), stage: params.stage,
                reason: params.reason, note: params.note ?? "")
            let pending = store.enqueue(
                command,
                metadata: CommandMetadata(
                    actor: context.actor, requestID: params.requestId, expectedVersion: params.expectedVersion))
            return QueuedCommand(pending, result: Self.customerResult)
        }
        router.command(Method.changeTier) { (params: ChangeTierParams, context) in
            let command = ChangeTier(
                customer: try CustomerID.parse(params.customer, field: "customer"), tier: params.tier,
                reason: params.reason)
            let pending = store.enqueue(
                command,
                metadata: CommandMetadata(
                    actor: context.actor, requestID: params.requestId, expectedVersion: params.expectedVersion))
            return QueuedCommand(pending, result: Self.customerResult)
        }
        router.query(Method.listFlaggedCustomers, .long) { (params: ListFlaggedCustomersParams, _) in
            let limit = try Self.pageSize(params.limit)
            let after = try params.after.map { try CustomerID.parse($0, field: "after") }
            let customers =
                try params.asOf.map { try store.customers(withOpenFlag: params.kind, after: after, limit: limit + 1, asOf: $0) }
                ?? store.customers(withOpenFlag: params.kind, after: after, limit: limit + 1)
            return FlaggedCustomersResult(
                kind: params.kind, customers: Array(customers.prefix(limit)),
                next: customers.count > limit ? customers[limit - 1].id.rawValue : nil)
        }
        router.query(Method.showCustomer, cost: Self.costOfState) { (params: CustomerIDParams, _) in
            let id = try CustomerID.parse(params.id, field: "id")
            let found = try params.asOf.map { try store.customer(id, asOf: $0) } ?? store.customer(id)
            guard let customer = found else { throw DomainError.customerNotFound(id) }
            return CustomerResult(customer: customer)
        }
        router.query(Method.listCustomers, .long) { (params: ListCustomersParams, _) in
            let limit = try Self.pageSize(params.limit)
            let after = try params.after.map { try CustomerID.parse($0, field: "after") }
            let customers =
                try params.asOf.map { try store.customers(after: after, limit: limit + 1, asOf: $0) }
                ?? store.customers(after: after, limit: limit + 1)
            return CustomersResult(
                customers: Array(customers.prefix(limit)),
                next: customers.count > limit ? customers[limit - 1].id.rawValue : nil)
        }
    }

    /// The reply of every command on a customer's stream: the customer right after it.
    @Sendable static func customerResult(_ outcome: CommandOutcome<CustomerState>) throws -> CustomerResult {
        CustomerResult(customer: try Self.replyState(outcome), receipt: Self.receipt(outcome))
    }
}
