import CCurl
import PluginKit

/// Sets up and performs one SMTP send on a worker's handle.
struct SMTPTransfer {
    let message: SMTPMessage
    let configuration: SMTPConfiguration

    func perform(on handle: CurlHandle, cancellation: TransferCancellation) throws(TransferError) {
        try validate()
        let reader = MessageReader(message.content)
        let errorBuffer = CurlErrorBuffer()
        let recipients = try CurlStringList(message.recipients.map { "<\($0)>" })

        try handle.set(CURLOPT_URL, configuration.url)
        try handle.set(CURLOPT_PROTOCOLS_STR, "smtp,smtps")
        try handle.set(CURLOPT_NOSIGNAL, 1)
        try handle.set(CURLOPT_TIMEOUT_MS, configuration.timeout.curlMilliseconds)
        try handle.set(CURLOPT_CONNECTTIMEOUT_MS, min(configuration.connectTimeout, configuration.timeout).curlMilliseconds)
        if configuration.requiresTLS {
            try handle.set(CURLOPT_USE_SSL, Int(CURLUSESSL_ALL.rawValue))
        }
        if let username = configuration.username {
            try handle.set(CURLOPT_USERNAME, username)
        }
        if let password = configuration.password {
            try handle.set(CURLOPT_PASSWORD, password)
        }
        try handle.set(CURLOPT_MAIL_FROM, "<\(message.sender)>")
        try handle.set(CURLOPT_MAIL_RCPT, list: recipients.head)
        try handle.set(CURLOPT_UPLOAD, 1)
        try reader.attach(to: handle)
        try errorBuffer.attach(to: handle)
        try cancellation.attach(to: handle)

        let code = withExtendedLifetime((reader, errorBuffer, recipients)) { handle.perform() }
        guard code == CURLE_OK else {
            throw TransferError(
                curlCode: code, detail: errorBuffer.message, secrets: [configuration.password].compactMap { $0 },
                cancelled: cancellation.isCancelled, bodyTooLarge: false)
        }
    }

    /// Refuses addresses that would break out of the SMTP command they are sent in.
    private func validate() throws(TransferError) {
        guard !message.recipients.isEmpty else {
            throw TransferError(code: .invalidRequest, message: "a message needs at least one recipient")
        }
        for address in [message.sender] + message.recipients {
            guard !address.isEmpty, !address.containsLineBreak, !address.contains(where: { $0 == "<" || $0 == ">" || $0.isWhitespace }) else {
                throw TransferError(code: .invalidRequest, message: "\(address.debugDescription) is not a mail address")
            }
        }
    }
}
