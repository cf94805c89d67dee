import DossierCore
import PropertyBased
import Testing

/// No sequence of decisions pushes a group's members over the group's limit: random proposals,
/// approvals, changes, revocations and membership changes, each decided by the same rules the
/// writer runs, never leave the members' sum above the group's limit.
@Suite("Property: the members' limits of a group never exceed the group's limit")
struct GroupSumPropertyTests {
    typealias F = CreditFixtures

    /// The states the writer would read, kept the way the projections keep them.
    struct World {
        static let members = ["m1", "m2", "m3", "m4", "m5"].map { CustomerID(rawValue: $0) }
        static let group = GroupID(rawValue: "g1")
        var policy = Policy()
        var group = F.group(members: ["m1", "m2", "m3"])
        var limits: [CreditSubject: CreditLimitsState] = [:]
        var version: UInt64 = 100

        /// What the store's `CreditContextReader` would gather for `subject`.
        func context(for subject: CreditSubject) -> CreditContext {
            let others = { (except: CustomerID?) in
                self.group.members.filter { $0.customer != except }.compactMap { self.limits[.customer($0.customer)] }
            }
            switch subject {
            case .customer(let id):
                let isMember = self.group.member(id) != nil
                return CreditContext(
                    customer: F.customer(id.rawValue), ratings: [F.rating(id.rawValue, grade: "AA")],
                    group: isMember ? self.group : nil, groupLimits: isMember ? self.limits[.group(Self.group)] : nil,
                    otherMemberLimits: isMember ? others(id) : [])
            case .group:
                return CreditContext(
                    group: self.group, otherMemberLimits: others(nil), netCapital: F.netCapital(1_000_000_000))
            }
        }

        mutating func fold(_ event: CreditLimitEvent, actor: Actor) {
            self.version += 1
            self.limits[event.subject] = CreditLimitsState.apply(
                self.limits[event.subject], .creditLimit(event), at: F.metadata(self.version, actor: actor))
        }

        /// Proposes (a new limit, or a change of `number`) and approves, as two people; a
        /// refusal at either step leaves the state as the writer would: unchanged, or pending.
        mutating func grant(_ subject: CreditSubject, amount: Int, changing number: Int?) {
            let limits = self.limits[subject]
            do {
                let proposed: CreditLimitProposed
                if let number {
                    proposed = try CreditLimitDecisions.change(
                        ChangeCreditLimit(subject: subject, number: number, amount: ExactDecimal(amount), basis: "p"),
                        limits: limits, context: self.context(for: subject), policy: self.policy,
                        caller: F.caller(F.clerk, "clerk"), now: F.now, today: F.today)
                } else {
                    proposed = try CreditLimitDecisions.propose(
                        ProposeCreditLimit(
                            subject: subject, amount: ExactDecimal(amount), kind: .incremental, mode: .internal,
                            validTo: F.endOfYear, basis: "p"),
                        limits: limits, context: self.context(for: subject), policy: self.policy,
                        caller: F.caller(F.clerk, "clerk"), now: F.now, today: F.today)
                }
                self.fold(.proposed(proposed), actor: F.clerk)
            } catch {
                return
            }
            self.approvePending(subject)
        }

        mutating func approvePending(_ subject: CreditSubject) {
            do {
                let approved = try CreditLimitDecisions.approve(
                    ApproveCreditLimit(subject: subject, role: "admin"), limits: self.limits[subject],
                    context: self.context(for: subject), policy: self.policy, caller: F.caller(F.headOffice, "admin"),
                    today: F.today)
                self.fold(.approved(approved), actor: F.headOffice)
            } catch {
                // Left pending: approved later by another step, or rejected here.
                if let pending = self.limits[subject]?.pending {
                    self.fold(
                        .rejected(CreditLimitRejected(subject: subject, number: pending.number, reason: "refused")),
                        actor: F.approver)
                }
            }
        }

        mutating func revoke(_ subject: CreditSubject, number: Int) {
            guard
                let events = try? CreditLimitDecisions.act(
                    LimitAction(.revoke, subject: subject, number: number, role: "admin", reason: "p"),
                    limits: self.limits[subject], context: self.context(for: subject), policy: self.policy,
                    caller: F.caller(F.headOffice, "admin"), today: F.today)
            else { return }
            for event in events { self.fold(event, actor: F.headOffice) }
        }

        mutating func add(_ customer: CustomerID) {
            guard
                let added = try? GroupDecisions.addMember(
                    AddGroupMember(group: Self.group, customer: customer, relation: .control, evidence: "e"),
                    membership: GroupDecisions.Membership(
                        group: self.group, customer: F.customer(customer.rawValue),
                        currentGroup: self.group.member(customer) == nil ? nil : Self.group,
                        customerLimits: self.limits[.customer(customer)], groupLimits: self.limits[.group(Self.group)],
                        memberLimits: self.group.members.compactMap { self.limits[.customer($0.customer)] }),
                    today: F.today)
            else { return }
            self.version += 1
            self.group = GroupState.apply(self.group, .group(.memberAdded(added)), at: F.metadata(self.version))!
        }

        mutating func remove(_ customer: CustomerID) {
            guard
                let removed = try? GroupDecisions.removeMember(
                    RemoveGroupMember(group: Self.group, customer: customer, reason: "p"), group: self.group)
            else { return }
            self.version += 1
            self.group = GroupState.apply(self.group, .group(.memberRemoved(removed)), at: F.metadata(self.version))!
        }

        /// Runs the step `code` stands for.
        mutating func step(_ code: Int) {
            let member = Self.members[(code / 8) % Self.members.count]
            let amount = ((code / 40) % 50 + 1) * 1_000_000
            let number = (code / 2000) % 2 + 1
            switch code % 8 {
            case 0, 1: self.grant(.customer(member), amount: amount, changing: nil)
            case 2: self.grant(.customer(member), amount: amount, changing: number)
            case 3:
                self.grant(
                    .group(Self.group), amount: amount * 2, changing: self.limits[.group(Self.group)] == nil ? nil : 1)
            case 4: self.add(member)
            case 5: self.remove(member)
            case 6: self.revoke(.customer(member), number: number)
            default: self.revoke(.group(Self.group), number: number)
            }
        }

        /// The members' sum and the group's limit, in yuan, on the day.
        var sums: (members: ExactDecimal, group: ExactDecimal) {
            let members = self.group.members.reduce(ExactDecimal.zero) {
                $0 + (self.limits[.customer($1.customer)]?.total(in: .cny, on: F.today) ?? .zero)
            }
            return (members, self.limits[.group(Self.group)]?.total(in: .cny, on: F.today) ?? .zero)
        }
    }

    @Test func noDecisionSequencePushesAGroupOverItsLimit() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...1_000_000).array(of: 1...80)) { steps in
            var world = World()
            for (index, step) in steps.enumerated() {
                world.step(step)
                let (members, group) = world.sums
                #expect(members <= group, "after step \(index) (\(step)): members \(members) over group \(group)")
            }
        }
    }

    /// The property is not vacuous: the random sequences do grant member credit under a group
    /// limit, and the group rules do refuse some of it.
    @Test func theSequencesReachTheCeiling() {
        var world = World()
        world.step(3 + 8 * 0 + 40 * 49)  // group limit 100 million
        world.step(0 + 8 * 0 + 40 * 29)  // m1: 30 million
        world.step(0 + 8 * 1 + 40 * 49)  // m2: 50 million
        world.step(0 + 8 * 2 + 40 * 29)  // m3: 30 million: refused, the sum would be 110 million
        #expect(world.sums.members == ExactDecimal(80_000_000) && world.sums.group == ExactDecimal(100_000_000))
        #expect(world.limits[.customer(CustomerID(rawValue: "m3"))] == nil, "refused when proposed")
    }
}
