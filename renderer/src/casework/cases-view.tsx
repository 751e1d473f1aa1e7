import type { SessionUser } from '../../../core/contract';
import { useT } from '../i18n/use-t';
import { CaseList } from './case-list';
import { CaseView } from './case-view';
import { CaseworkProvider } from './casework-context';
import { leaveCase, openCase, startCreating, stopCreating, useCaseworkStore } from './casework-store';
import { NewCaseForm } from './new-case-form';

function CasesContent() {
  const t = useT();
  const selectedCaseId = useCaseworkStore((state) => state.selectedCaseId);
  const creating = useCaseworkStore((state) => state.creating);
  if (creating) return <NewCaseForm onCreated={(detail) => openCase(detail.id)} onCancel={stopCreating} />;
  if (selectedCaseId !== null) return <CaseView key={selectedCaseId} caseId={selectedCaseId} onBack={leaveCase} backLabel={t('case.back_to_list')} />;
  return <CaseList onOpen={openCase} onNew={startCreating} />;
}

/** The case list, a case, or the new-case form; which one is kept in the casework store. */
export function CasesView({ user }: { user: SessionUser }) {
  return (
    <CaseworkProvider user={user}>
      <CasesContent />
    </CaseworkProvider>
  );
}
