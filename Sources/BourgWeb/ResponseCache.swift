import Foundation
import Hummingbird
import Synchronization

/// The bodies of answers that depend only on the (read-only) atlas and the URL, kept in memory so that a page
/// asked again is not computed again. Bounded by entries and bytes; the oldest entries go first.
public final class ResponseCache: Sendable {
    struct Entry: Sendable {
        var body: ByteBuffer
        var contentType: String
        /// The body gzipped, once a client asked for it.
        var gzipped: ByteBuffer?

        var bytes: Int { body.readableBytes + (gzipped?.readableBytes ?? 0) }
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
        guard entry.bytes <= maximumBytes / 8 else { return }
        state.withLock { state in
            if state.entries[key] == nil { state.order.append(key) }
            state.bytes += entry.bytes - (state.entries[key]?.bytes ?? 0)
            state.entries[key] = entry
            while state.order.count > maximumEntries || state.bytes > maximumBytes, !state.order.isEmpty {
                let oldest = state.order.removeFirst()
                state.bytes -= state.entries.removeValue(forKey: oldest)?.bytes ?? 0
            }
        }
    }
}
