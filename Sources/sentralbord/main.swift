import PluginKit
import Foundation
import SentralbordCLI

ShutdownSignal.unblock()
let status = await SentralbordCLI.run(Array(CommandLine.arguments.dropFirst()))
exit(status.rawValue)
