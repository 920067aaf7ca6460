import { useApp } from '../../store/index.js';
import { ChooseExtract } from './ChooseExtract.js';
import { Imported } from './Imported.js';
import { ImportReportView } from './ImportReportView.js';
import { Working } from './Working.js';

/** The import, one stage at a time: choose, check (the dry run), import, done. */
export function ImportScreen() {
  const stage = useApp((s) => s.importFlow.stage);
  switch (stage) {
    case 'choose':
      return <ChooseExtract />;
    case 'checking':
      return <Working title="Checking the extract" label="Checking the extract" />;
    case 'report':
      return <ImportReportView />;
    case 'committing':
      return <Working title="Importing the extract" label="Importing the extract" />;
    case 'imported':
      return <Imported />;
  }
}
