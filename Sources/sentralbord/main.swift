import Foundation
import SentralbordCLI

let status = await SentralbordCLI.run(Array(CommandLine.arguments.dropFirst()))
exit(status.rawValue)
