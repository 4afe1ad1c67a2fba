import { useEffect, useRef, useState } from 'react';

/**
 * Splits a long questionnaire into short screens (a phone shows a few items at a time). Starts on the first screen
 * with an unanswered item, so a restored draft resumes where the learner stopped. Focus goes to the screen's heading
 * when the screen changes.
 */
export function usePages(total: number, pageSize: number, isAnswered: (index: number) => boolean) {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const [page, setPage] = useState(() => {
    const first = Array.from({ length: total }, (_, i) => i).find((i) => !isAnswered(i));
    return first === undefined ? pageCount - 1 : Math.floor(first / pageSize);
  });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  useEffect(() => {
    if (moved.current) headingRef.current?.focus();
  }, [page]);
  const go = (next: number) => {
    moved.current = true;
    setPage(Math.min(pageCount - 1, Math.max(0, next)));
  };
  const start = page * pageSize;
  const indexes = Array.from({ length: Math.min(pageSize, total - start) }, (_, i) => start + i);
  return { page, pageCount, indexes, isLast: page === pageCount - 1, next: () => go(page + 1), previous: () => go(page - 1), headingRef };
}
