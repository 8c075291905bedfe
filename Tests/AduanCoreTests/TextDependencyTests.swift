import AduanCore
import Testing

/// Issue 11 item 1: which changes refuse a written action as a conflict, decided once in the core.
@Suite struct TextDependencyTests {
    @Test func aCopyOrANoteNeverRefusesAWrittenAction() {
        for kind in [ActionKind.followUp, .note, .reply, .rate] {
            #expect(!Workflow.conflicts(kind, with: [.cc]), "\(kind)")
            #expect(!Workflow.conflicts(kind, with: [.note, .cc]), "\(kind)")
        }
    }

    @Test func aChangeOfStatusOrHolderRefusesEveryWrittenAction() {
        for kind in [ActionKind.followUp, .note, .reply, .rate] {
            for change in [ActionKind.forward, .redispose, .postpone, .archive, .close, .autoClose, .reopen] {
                #expect(Workflow.conflicts(kind, with: [.cc, change]), "\(kind) after \(change)")
            }
        }
    }

    @Test func aFollowUpRestsOnTheConversationAndThePrivacyFlags() {
        #expect(Workflow.conflicts(.followUp, with: [.classify]))
        #expect(Workflow.conflicts(.followUp, with: [.followUp]))
        #expect(Workflow.conflicts(.followUp, with: [.reply]))
        #expect(!Workflow.conflicts(.note, with: [.classify, .note]))
        #expect(Workflow.conflicts(.note, with: [.cc, .followUp]), "a note may speak of where the conversation stands")
    }

    @Test func otherActionsStillConflictWithAnyChange() {
        #expect(Workflow.conflicts(.forward, with: [.cc]))
        #expect(Workflow.conflicts(.close, with: [.note]))
        #expect(!Workflow.conflicts(.close, with: []))
    }
}
