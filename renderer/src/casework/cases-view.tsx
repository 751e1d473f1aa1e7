import type { SessionUser } from '../../../core/contract';
import { useT } from '../i18n/use-t';
import { navigateTo } from '../shell/navigation-store';
import { CaseList } from './case-list';
import { CaseView } from './case-view';
import { CaseworkProvider } from './casework-context';
import { leaveCase, leaveCaseForReminder, openCase, startCreating, stopCreating, useCaseworkStore } from './casework-store';
import { NewCaseForm } from './new-case-form';

/** A case opened from the To-do view goes back there, to the row it was opened from. */
function backToReminders(): void {
  leaveCaseForReminder();
  navigateTo('reminders');
}

function CasesContent() {
  const t = useT();
  const selectedCaseId = useCaseworkStore((state) => state.selectedCaseId);
  const creating = useCaseworkStore((state) => state.creating);
  const fromReminders = useCaseworkStore((state) => state.openedFromReminder !== null);
  if (creating) return <NewCaseForm onCreated={(detail) => openCase(detail.id)} onCancel={stopCreating} />;
  if (selectedCaseId !== null) {
    const back = fromReminders ? backToReminders : leaveCase;
    return <CaseView key={selectedCaseId} caseId={selectedCaseId} onBack={back} backLabel={t(fromReminders ? 'reminders.back' : 'case.back_to_list')} />;
  }
  return <CaseList onOpen={openCase} onNew={startCreating} />;
}

/** The case list, a case (also one opened from the To-do view), or the new-case form; which one is kept in the casework store. */
export function CasesView({ user }: { user: SessionUser }) {
  return (
    <CaseworkProvider user={user}>
      <CasesContent />
    </CaseworkProvider>
  );
}
