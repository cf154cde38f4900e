/** The scaffold `npm run new -- review <quarter>` writes: a narrative with the figures inline. */
export function renderReviewTemplate(quarterId: string, label: string): string {
  return `{/* The narrative of the ${label} review (${quarterId}). Markdown, with the review's
   components available (see README.md § Reviews). The scorecard, charts and incident list
   are added by the review page itself: write what the numbers cannot say. */}

What went well this quarter, what did not, and what we decided because of it.

Write for a stakeholder who has one minute: did we meet our targets, how much budget is left,
what broke, and what we are doing about it.
`;
}
