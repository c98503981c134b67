import CMicroHTTPD

/// A libmicrohttpd connection that a task other than the connection's thread may resume.
///
/// `@unchecked Sendable` because libmicrohttpd allows `MHD_resume_connection` from any thread;
/// callers keep the invariant that they resume only a connection they suspended and that the
/// daemon has not closed (a suspended connection is never closed before `MHD_stop_daemon`,
/// and the server resumes every suspended connection before calling it).
struct ConnectionHandle: @unchecked Sendable {
    let pointer: OpaquePointer

    /// Stops processing the connection until ``resume()``; only from a libmicrohttpd callback
    /// for this connection.
    func suspend() {
        MHD_suspend_connection(pointer)
    }

    /// Lets the connection continue; the daemon calls back for it on one of its threads.
    func resume() {
        MHD_resume_connection(pointer)
    }
}
