import Foundation
import TalentApp

exit(await TalentApp.run(Array(CommandLine.arguments.dropFirst())))
