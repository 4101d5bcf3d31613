"""The strategy and its follow-up: LPP's action plans as records (plan → focus areas →
measures, indicators), the board's half-year reviews, the board report and the 2030
midterm grid, the member survey, the local chapters' reports and the public page «Slik
følger vi opp strategien»."""
