import Glibc
import Synchronization

/// The write end of a child's stdin pipe, non-blocking. Writing never raises SIGPIPE in the
/// gateway when the child has gone: the signal is blocked on the writing thread for the
/// duration of the `write` and a SIGPIPE that write caused is consumed (libpq does the same).
final class PipeInput: Sendable {
    /// What one attempt to write achieved.
    enum Progress: Equatable {
        /// This many bytes went into the pipe.
        case wrote(Int)
        /// The pipe is full: try again later.
        case full
        /// The reading end is gone (the child exited or closed stdin), or the input was closed.
        case closed
    }

    private let descriptor: Mutex<Int32?>

    /// Takes ownership of `descriptor` and makes it non-blocking.
    init(descriptor: Int32) {
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        self.descriptor = Mutex(descriptor)
    }

    /// Writes what the pipe takes now of `bytes[offset...]`.
    func write(_ bytes: [UInt8], from offset: Int) -> Progress {
        descriptor.withLock { descriptor -> Progress in
            guard let descriptor else { return .closed }
            var pipeSignal = sigset_t()
            sigemptyset(&pipeSignal)
            sigaddset(&pipeSignal, SIGPIPE)
            var previousMask = sigset_t()
            pthread_sigmask(SIG_BLOCK, &pipeSignal, &previousMask)
            defer { pthread_sigmask(SIG_SETMASK, &previousMask, nil) }
            var pending = sigset_t()
            sigpending(&pending)
            let alreadyPending = sigismember(&pending, SIGPIPE) == 1
            while true {
                let written = bytes.withUnsafeBytes { buffer in
                    Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                }
                if written >= 0 { return .wrote(written) }
                switch errno {
                case EINTR:
                    continue
                case EAGAIN:
                    return .full
                case EPIPE:
                    if !alreadyPending {
                        var noWait = timespec(tv_sec: 0, tv_nsec: 0)
                        _ = sigtimedwait(&pipeSignal, nil, &noWait)
                    }
                    return .closed
                default:
                    return .closed
                }
            }
        }
    }

    /// Closes the pipe: the child reads end of input.
    func close() {
        let closing = descriptor.withLock { descriptor -> Int32? in
            defer { descriptor = nil }
            return descriptor
        }
        if let closing { _ = Glibc.close(closing) }
    }
}
