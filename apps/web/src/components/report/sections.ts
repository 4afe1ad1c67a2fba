/** The report's sections, in page order (the table of contents links to them). */
export const SECTIONS = ['summary', 'measures', 'items', 'breakdowns', 'learners', 'scenarios', 'practice'] as const;
export const sectionId = (section: (typeof SECTIONS)[number]) => `report-${section}`;
