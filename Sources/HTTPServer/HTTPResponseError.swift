public import PluginKit
/// An error that chooses the HTTP response it becomes.
///
/// A handler throws one to answer with a client or server error; the server sends its
/// ``problem`` as `application/problem+json` with ``headers`` added. Errors that do not conform
/// become a 500 whose body says nothing about the error.
///
/// Implementation requirements: ``status`` is the response status and ``problem``'s status
/// must equal it; ``problem`` and ``headers`` must contain only what the client may see.
/// Defaults: a problem with type `about:blank` and the status's reason phrase as title; no
/// extra headers.
public protocol HTTPResponseError: Error {
    /// The response status.
    var status: HTTPStatus { get }
    /// The problem sent as the body; its `instance` is filled with the request path if empty.
    var problem: ProblemDetails { get }
    /// Extra header fields for the response (e.g. `Allow`, `Retry-After`).
    var headers: HTTPHeaders { get }
}

extension HTTPResponseError {
    /// A problem of type `about:blank` for ``status``.
    public var problem: ProblemDetails {
        ProblemDetails(status: status)
    }

    /// No extra header fields.
    public var headers: HTTPHeaders {
        HTTPHeaders()
    }
}
