"""Word documents in: :mod:`.docx_reader` reads any .docx into generic blocks (it knows
Word, not LPP's page types); :mod:`.letter` reads an LPP letter out of those blocks (the
letter head, proposal candidates, suggested themes) and turns it into a response body;
:mod:`.service` checks the file and saves the import."""
