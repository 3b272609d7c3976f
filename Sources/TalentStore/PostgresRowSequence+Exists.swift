import PostgresNIO

extension PostgresRowSequence {
    /// Whether the query returned any row (the rest are not read).
    func hasRows() async throws -> Bool {
        for try await _ in self { return true }
        return false
    }
}
