// Unsaved editor work kept in localStorage, so closing the tab loses nothing.
export interface Draft {
  text: string;
  name: string;
  description: string;
  savedAt: string;
}

const key = (vnfdId: string | null) => `trellis:vnfd-draft:${vnfdId ?? 'new'}`;

export function loadDraft(vnfdId: string | null): Draft | null {
  try {
    const raw = localStorage.getItem(key(vnfdId));
    const d = raw ? (JSON.parse(raw) as Draft) : null;
    return d && typeof d.text === 'string' ? d : null;
  } catch {
    return null; // storage disabled or a corrupt entry: no draft
  }
}

export function saveDraft(vnfdId: string | null, draft: Omit<Draft, 'savedAt'>) {
  try {
    localStorage.setItem(key(vnfdId), JSON.stringify({ ...draft, savedAt: new Date().toISOString() }));
  } catch {
    // Quota or privacy mode: the editor still works, only without the safety net.
  }
}

export function clearDraft(vnfdId: string | null) {
  try {
    localStorage.removeItem(key(vnfdId));
  } catch {
    /* see saveDraft */
  }
}
