import DossierStore

extension ConfigKeys {
    static let store: [ConfigKey] = [
        ConfigKey(
            "store.data_dir", .string(nonEmpty: true), \.store.dataDirectory, environment: "DOSSIERD_DATA_DIR",
            "Directory of the event log; empty: the built-in default"),
        ConfigKey(
            "store.initial_map_size", .size((1 << 20)...(1 << 44)), \.store.initialMapSize,
            "Size of the memory map to start with; it grows on demand"),
        ConfigKey(
            "store.max_map_size", .size((1 << 20)...(1 << 44)), \.store.maximumMapSize,
            "Largest the log may grow to; appends beyond it fail with dossier.StorageFull"),
        ConfigKey(
            "store.max_batch", .integer(1...100_000), \.store.maximumBatchSize, "Most commands one commit may carry"),
        ConfigKey(
            "store.max_readers", .integer(8...100_000), \.store.maximumReaders, "Most concurrent read transactions"),
        ConfigKey(
            "store.durability", .choice(DossierStore.Durability.self), \.store.durability,
            "What an acknowledged write promises"),
        ConfigKey(
            "store.sync_interval_ms", .integer(0...3_600_000), \.store.syncIntervalMilliseconds,
            "With meta_async or none: how often unflushed commits are flushed, in ms; 0: only at a clean stop"),
        ConfigKey(
            "store.write_path", .choice(DossierStore.WritePath.self), \.store.writePath,
            environment: "DOSSIERD_WRITE_PATH",
            "With durability full: lmdb flushes LMDB per commit, journal flushes one journal append per commit"),
        ConfigKey(
            "store.journal_segment_bytes", .size((1 << 20)...(1 << 32)), \.store.journalSegmentBytes,
            "With write_path journal: size of each of the journal's two segments; the largest commit it takes"),
        ConfigKey(
            "store.checkpoint_bytes", .size((64 << 10)...(1 << 32)), \.store.checkpointBytes,
            "With write_path journal: journal written since the last checkpoint that starts the next one"),
        ConfigKey(
            "store.checkpoint_interval_ms", .integer(10...3_600_000), \.store.checkpointIntervalMilliseconds,
            "With write_path journal: time since the last checkpoint that starts the next one, in ms"),
        ConfigKey(
            "store.checkpoint_growth_bytes", .size((1 << 20)...(1 << 40)), \.store.checkpointGrowthBytes,
            "With write_path journal: growth of data.mdb's used pages since the last checkpoint that starts the next one"),
        ConfigKey(
            "store.journal_page_writes", .choice(DossierStore.JournalPageWrites.self), \.store.journalPageWrites,
            "With write_path journal: map stores commits' pages into the memory map, write pwrites them"),
        ConfigKey(
            "store.verify_on_start", .choice(DossierStore.StartupVerification.self), \.store.verifyOnStart,
            "What is checked before the daemon serves"),
    ]
}
