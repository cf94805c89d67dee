import DossierCore
import Testing

@Suite("Classifications")
struct ClassificationTests {
    @Test func levelsOrderByUrgency() {
        #expect(ComplaintLevel.allCases.sorted() == [.l1, .l2, .l3, .l4])
        #expect(ComplaintLevel.l1 < .l2)
        #expect(!(ComplaintLevel.l4 < .l3))
        #expect(ComplaintLevel.allCases.map(\.rawValue) == ["L1", "L2", "L3", "L4"])
    }

    @Test(arguments: ComplaintStatus.allCases)
    func onlyClosedRejectedWithdrawnAndReturnedAreDone(status: ComplaintStatus) {
        #expect(status.isOpen == ![.closed, .rejected, .withdrawn, .returned].contains(status))
    }

    @Test func displayNamesAreDistinctChineseLabels() {
        #expect(ComplaintType.quality.displayName == "质量")
        #expect(ComplaintType.attitude.displayName == "态度")
        #expect(Set(ComplaintType.allCases.map(\.displayName)).count == ComplaintType.allCases.count)
        #expect(CustomerTier.gold.displayName == "黄金")
        #expect(CustomerTier.exit.displayName == "淘汰")
        #expect(Set(CustomerTier.allCases.map(\.displayName)).count == CustomerTier.allCases.count)
    }

    @Test func wireNamesAreStable() throws {
        #expect(
            String(decoding: try DossierJSON.encode(ComplaintType.allCases), as: UTF8.self)
                == #"["grievance","suggestion","quality","packaging","service","attitude","fees","product","other"]"#)
        #expect(
            String(decoding: try DossierJSON.encode(ComplaintChannel.allCases), as: UTF8.self)
                == #"["phone","counter","letter","web","app","regulator","media","comment_book"]"#)
        #expect(
            String(decoding: try DossierJSON.encode(CustomerTier.allCases), as: UTF8.self)
                == #"["gold","focus","quality","ordinary","adjusting","restricted","exit"]"#)
        #expect(String(decoding: try DossierJSON.encode(PoolStage.allCases), as: UTF8.self) == #"["prospect","active","key"]"#)
        #expect(String(decoding: try DossierJSON.encode(CustomerKind.allCases), as: UTF8.self) == #"["individual","corporate"]"#)
    }

    @Test func dossierJSONSortsKeysAndKeepsSlashes() throws {
        let text = String(decoding: try DossierJSON.encode(["b": "x/y", "a": "1"]), as: UTF8.self)
        #expect(text == #"{"a":"1","b":"x/y"}"#)
    }
}
