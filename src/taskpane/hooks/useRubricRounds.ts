/** The scoring rounds of a programme's rubric (书面初评, 会审答辩 …); none for a programme without one. */
import * as React from 'react';
import type { Profile } from '../../core/profiles/schema';
import { rubricOf } from '../../core/scoring/rubric';

export function useRubricRounds(profile: Profile | undefined): readonly string[] {
  return React.useMemo(() => {
    try {
      return profile ? rubricOf(profile).rounds : [];
    } catch {
      return [];
    }
  }, [profile]);
}
