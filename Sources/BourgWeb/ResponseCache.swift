import Foundation
import Hummingbird
import Synchronization

/// The bodies of answers that depend only on the (read-only) atlas and the URL, kept in memory so that a page
/// asked again is not computed again. Bounded by entries and bytes; the oldest entries go first.
public final class ResponseCache: Sendable {
    struct Entry: Sendable {
        var body: ByteBuffer
        var contentType: String
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var order: [String] = []
        var bytes = 0
    }

    private let state = Mutex(State())
    let maximumEntries: Int
    let maximumBytes: Int

    public init(maximumEntries: Int = 2_000, maximumBytes: Int = 64 * 1_024 * 1_024) {
        self.maximumEntries = maximumEntries
        self.maximumBytes = maximumBytes
    }

    func get(_ key: String) -> Entry? {
        state.withLock { $0.entries[key] }
    }

    func put(_ key: String, _ entry: Entry) {
        guard entry.body.readableBytes <= maximumBytes / 8 else { return }
        state.withLock { state in
            if state.entries[key] == nil { state.order.append(key) }
            state.bytes += entry.body.readableBytes - (state.entries[key]?.body.readableBytes ?? 0)
            state.entries[key] = entry
            while state.order.count > maximumEntries || state.bytes > maximumBytes, !state.order.isEmpty {
                let oldest = state.order.removeFirst()
                state.bytes -= state.entries.removeValue(forKey: oldest)?.body.readableBytes ?? 0
            }
        }
    }
}
