import SMSPlugin
import Testing

@Suite("GW-3 SMS ledger in memory")
struct InMemorySMSLedgerTests {
    @Test func passesTheLedgerConformance() async {
        let failures = await SMSLedgerConformance { InMemorySMSLedger() }.run()
        #expect(failures.isEmpty, "\(failures)")
    }
}
