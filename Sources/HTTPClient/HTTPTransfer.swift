import CCurl
import CShims
import PluginKit

/// Sets up and performs one ``HTTPClientRequest`` on a worker's handle.
struct HTTPTransfer {
    let request: HTTPClientRequest
    let configuration: HTTPSessionConfiguration

    func perform(on handle: CurlHandle, cancellation: TransferCancellation) throws(TransferError) -> HTTPClientResponse {
        try validate()
        let sink = ResponseSink(limit: request.maximumResponseBytes)
        let errorBuffer = CurlErrorBuffer()
        let headerList = try CurlStringList(headerLines())

        try handle.set(CURLOPT_URL, request.url)
        try handle.set(CURLOPT_PROTOCOLS_STR, "http,https")
        try handle.set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        try handle.set(CURLOPT_NOSIGNAL, 1)
        try handle.set(CURLOPT_TIMEOUT_MS, request.timeout.curlMilliseconds)
        try handle.set(CURLOPT_CONNECTTIMEOUT_MS, min(configuration.connectTimeout, request.timeout).curlMilliseconds)
        try handle.set(CURLOPT_USERAGENT, configuration.userAgent)
        try handle.set(CURLOPT_ACCEPT_ENCODING, "")
        try handle.set(CURLOPT_FOLLOWLOCATION, request.maximumRedirects > 0 ? 1 : 0)
        try handle.set(CURLOPT_MAXREDIRS, request.maximumRedirects)
        try handle.set(CURLOPT_HTTPHEADER, list: headerList.head)
        try setMethodAndBody(on: handle)
        try setAuthentication(on: handle)
        try sink.attach(to: handle)
        try errorBuffer.attach(to: handle)
        try cancellation.attach(to: handle)

        let code = withExtendedLifetime((sink, errorBuffer, headerList)) { handle.perform() }
        guard code == CURLE_OK else {
            throw TransferError(
                curlCode: code, detail: errorBuffer.message, secrets: secrets,
                cancelled: cancellation.isCancelled, bodyTooLarge: sink.isOverLimit)
        }
        return HTTPClientResponse(status: handle.responseCode(), headers: sink.headers, body: sink.body)
    }

    /// Refuses what libcurl would send unchanged into the protocol stream.
    private func validate() throws(TransferError) {
        for field in request.headers {
            let text = field.name + field.value
            guard !text.containsLineBreak, !field.name.isEmpty, !field.name.contains(":") else {
                throw TransferError(code: .invalidRequest, message: "header \(field.name.debugDescription) is not a valid field")
            }
        }
        guard !request.method.rawValue.isEmpty, !request.method.rawValue.contains(where: { $0.isWhitespace }) else {
            throw TransferError(code: .invalidRequest, message: "method \(request.method.rawValue.debugDescription) is not a token")
        }
    }

    private func headerLines() -> [String] {
        var lines = request.headers.map { field in
            // `Name;` is libcurl's way to send a header with an empty value.
            field.value.isEmpty ? "\(field.name);" : "\(field.name): \(field.value)"
        }
        // Without this, libcurl waits for `100 Continue` before sending bodies over 1 MiB.
        if !request.headers.contains("Expect") {
            lines.append("Expect:")
        }
        return lines
    }

    private func setMethodAndBody(on handle: CurlHandle) throws(TransferError) {
        switch (request.method, request.body) {
        case (.get, nil):
            try handle.set(CURLOPT_HTTPGET, 1)
        case (.head, nil):
            try handle.set(CURLOPT_NOBODY, 1)
        case (let method, nil) where method != .post:
            try handle.set(CURLOPT_CUSTOMREQUEST, method.rawValue)
        case (let method, let body):
            let bytes = body ?? []
            try handle.set(CURLOPT_POSTFIELDSIZE_LARGE, size: bytes.count)
            let copied = bytes.withUnsafeBytes { buffer in
                // libcurl copies the bytes here, so the buffer may go away afterwards.
                let start = buffer.baseAddress ?? UnsafeRawPointer(("" as StaticString).utf8Start)
                return Result { () throws(TransferError) in
                    try handle.set(CURLOPT_COPYPOSTFIELDS, pointer: UnsafeMutableRawPointer(mutating: start))
                }
            }
            try copied.get()
            if method != .post {
                try handle.set(CURLOPT_CUSTOMREQUEST, method.rawValue)
            }
        }
    }

    private func setAuthentication(on handle: CurlHandle) throws(TransferError) {
        switch request.authentication {
        case nil:
            break
        case .basic(let username, let password):
            try handle.set(CURLOPT_HTTPAUTH, SB_CURLAUTH_BASIC)
            try handle.set(CURLOPT_USERNAME, username)
            try handle.set(CURLOPT_PASSWORD, password)
        case .awsSigV4(let accessKeyID, let secretAccessKey, let region, let service):
            try handle.set(CURLOPT_AWS_SIGV4, "aws:amz:\(region):\(service)")
            try handle.set(CURLOPT_USERNAME, accessKeyID)
            try handle.set(CURLOPT_PASSWORD, secretAccessKey)
        }
    }

    /// Every secret of the request, to scrub from error messages.
    private var secrets: [String] {
        var secrets = request.authentication?.secrets ?? []
        secrets += request.headers.filter { HTTPHeaders.isSensitive($0.name) }.map(\.value)
        if let password = URLUserInfo.password(in: request.url) {
            secrets.append(password)
        }
        return secrets
    }
}
