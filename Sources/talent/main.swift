import Foundation
import TalentCLI

exit(await TalentCLI.run(Array(CommandLine.arguments.dropFirst())))
