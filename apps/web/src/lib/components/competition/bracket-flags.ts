/** A seeded team the organizer must review: it withdrew after playing games, or asks to. */
export type BracketFlag = {
  teamId: string;
  teamName: string;
  teamNameEn: string | null;
  state: 'withdrawn' | 'requested';
};
