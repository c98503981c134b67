import CShims
import Foundation
import Glibc
import Synchronization

/// One thread with an epoll set over the sockets of every attached ``HTTPPushStream``: it
/// tells a stream when its client has gone away (libmicrohttpd does not look at a suspended
/// connection) and, while a stream has a backlog, when its socket has room again.
final class PushStreamPoller: Sendable {
    private let epoll: Int32
    private let wakeup: Int32
    private let streams = Mutex<[UInt64: HTTPPushStream]>([:])
    private let nextToken = Atomic<UInt64>(1)
    private let stopped = Atomic<Bool>(false)
    private let finished = DispatchSemaphore(value: 0)

    /// The token of the wake-up descriptor, which ``stop()`` signals.
    private static let wakeupToken: UInt64 = 0
    private static let watched = UInt32(SENTRALBORD_POLL_PEER_CLOSED)
    private static let writable = UInt32(SENTRALBORD_POLL_WRITABLE)

    /// Starts the poller's thread; nil if the system refuses an epoll set or an eventfd.
    init?() {
        let epoll = sentralbord_epoll_create()
        let wakeup = sentralbord_eventfd_create()
        guard epoll >= 0, wakeup >= 0, sentralbord_epoll_update(epoll, 0, wakeup, UInt32(SENTRALBORD_POLL_READABLE), Self.wakeupToken) == 0 else {
            if epoll >= 0 { Glibc.close(epoll) }
            if wakeup >= 0 { Glibc.close(wakeup) }
            return nil
        }
        self.epoll = epoll
        self.wakeup = wakeup
        let thread = Thread { [self] in
            Thread.current.name = "push-streams"
            run()
        }
        thread.start()
    }

    /// Watches `socket` for its client going away; the token to change or end the watch with.
    func add(_ stream: HTTPPushStream, socket: Int32) -> UInt64 {
        let token = nextToken.wrappingAdd(1, ordering: .relaxed).oldValue
        streams.withLock { $0[token] = stream }
        if sentralbord_epoll_update(epoll, 0, socket, Self.watched, token) != 0 {
            // Not watched: the stream still works, but a client that leaves is noticed only at
            // the next write that fails.
            streams.withLock { _ = $0.removeValue(forKey: token) }
        }
        return token
    }

    /// Also watches `socket` for room to send (`writable`), or stops doing so.
    func watch(_ socket: Int32, token: UInt64, writable: Bool) {
        _ = sentralbord_epoll_update(epoll, 1, socket, Self.watched | (writable ? Self.writable : 0), token)
    }

    /// Ends the watch of `socket`, before the connection goes back to libmicrohttpd.
    func remove(_ socket: Int32, token: UInt64) {
        _ = sentralbord_epoll_update(epoll, 2, socket, 0, token)
        streams.withLock { _ = $0.removeValue(forKey: token) }
    }

    /// Ends the thread and closes the descriptors; every stream is handed back by then.
    func stop() {
        guard !stopped.exchange(true, ordering: .relaxed) else { return }
        var one: UInt64 = 1
        _ = Glibc.write(wakeup, &one, MemoryLayout<UInt64>.size)
        finished.wait()
        Glibc.close(epoll)
        Glibc.close(wakeup)
    }

    private func run() {
        var tokens = [UInt64](repeating: 0, count: 64)
        var events = [UInt32](repeating: 0, count: 64)
        while !stopped.load(ordering: .relaxed) {
            let count = sentralbord_epoll_wait(epoll, &tokens, &events, 64, -1)
            for index in 0..<max(0, Int(count)) where tokens[index] != Self.wakeupToken {
                guard let stream = streams.withLock({ $0[tokens[index]] }) else { continue }
                if events[index] & ~Self.writable != 0 {
                    stream.peerGone()
                } else {
                    stream.socketWritable()
                }
            }
        }
        finished.signal()
    }
}
