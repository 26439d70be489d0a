"""Following the news on the web: fetch feeds and pages politely and safely
(``fetch``), turn URLs into the
same raw items the file readers yield (``source``) and poll a list of feeds
(``watch``). The only package that talks to the network."""
