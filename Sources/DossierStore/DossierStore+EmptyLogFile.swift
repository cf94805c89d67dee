import Foundation

extension DossierStore {
    /// Refuses a `data.mdb` of zero bytes that has anything beside it.
    ///
    /// LMDB takes an empty data file for a new environment and writes a fresh log into it, so a
    /// log truncated to nothing (a full disk, a failed copy, a restore gone wrong) would start
    /// silently as a new, empty log, and new events would follow a history that is gone. A
    /// zero-byte `data.mdb` alone holds nothing that could be lost and is a first start. With
    /// anything beside it, even LMDB's `lock.mdb` (which every daemon that opened the directory
    /// leaves), the directory has been used: the operator decides.
    static func refuseEmptyLogFile(in directory: String) throws {
        let file = directory + "/data.mdb"
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: file),
            (attributes[.size] as? NSNumber)?.intValue == 0
        else { return }
        let others = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0 != "data.mdb" }.sorted()
        guard !others.isEmpty else { return }
        throw StoreError.emptyLogFile(path: file, others: others)
    }
}
