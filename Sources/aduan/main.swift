import AduanCLI
import Glibc

exit(runAduan(Array(CommandLine.arguments.dropFirst())))
