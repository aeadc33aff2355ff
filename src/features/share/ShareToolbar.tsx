import { CopyLinkButton } from './CopyLinkButton';
import { ExperimentsDialog } from './ExperimentsDialog';
import { ExportMenu } from './ExportMenu';
import { ImportModel } from './ImportModel';
import { TeachingLinkMenu } from './TeachingLinkMenu';
import './share.css';

/** The header's share, save and export controls. */
export function ShareToolbar() {
  return (
    <div role="toolbar" aria-label="Share and save" className="header-tools share-tools">
      <CopyLinkButton />
      <TeachingLinkMenu />
      <ExperimentsDialog />
      <ExportMenu />
      <ImportModel />
    </div>
  );
}
