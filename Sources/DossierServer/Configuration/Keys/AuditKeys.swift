extension ConfigKeys {
    static let audit: [ConfigKey] = [
        ConfigKey(
            "audit.signing_key_file", .string(), \.signingKeyFile,
            "File of the Ed25519 key that signs published tree heads (64 hex digits, mode 0600); empty: unsigned")
    ]
}
