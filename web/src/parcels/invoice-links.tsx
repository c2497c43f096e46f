import { useState } from 'preact/hooks';
import type { Api } from '../api.ts';
import { errorWords } from '../error-words.ts';

interface InvoiceLink {
  invoiceNumber: string;
  url: string;
  expiresAt: string;
}

/** Invoice: opens the PDF in a new tab and offers a download link beside the button. */
export function InvoiceButton({ api, parcelId }: { api: Api; parcelId: string }) {
  const [download, setDownload] = useState<InvoiceLink>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const open = async () => {
    // Opened now, while the click still counts as the user's: a tab opened after the fetch would be blocked as a pop-up.
    const tab = window.open('', '_blank');
    setBusy(true);
    setError(undefined);
    try {
      const path = `/parcels/${encodeURIComponent(parcelId)}/invoice`;
      const view = await api.get<InvoiceLink>(path);
      if (tab) {
        tab.opener = null;
        tab.location.href = view.url;
      }
      setDownload(await api.get<InvoiceLink>(path, { download: 'true' }));
    } catch (failure) {
      tab?.close();
      setError(errorWords(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" onClick={open} disabled={busy}>
        Invoice
      </button>
      {download && (
        <a href={download.url} download class="download">
          Download invoice {download.invoiceNumber}
        </a>
      )}
      {error && (
        <span role="alert" class="inline-error">
          {error}
        </span>
      )}
    </>
  );
}
