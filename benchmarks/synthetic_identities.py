"""Seeded, realistic synthetic identities for benchmarking identity resolution. Pure Python.

    from synthetic_identities import generate
    records, truth = generate(1_000_000, seed=1)   # list[Record], {identity id: true person}

Nothing is downloaded: the name lists below are written into this file. What it models:

* **People** from many cultures (English-speaking, Spanish/Portuguese, French, German/Dutch/
  Nordic/Finnish, Italian, Polish/Czech/Hungarian/Balkan, Russian/Ukrainian in Cyrillic and
  Latin, Chinese in Hanzi and pinyin, Japanese in Kanji and Romaji, Korean in Hangul and
  Latin, Vietnamese, Indian, Arabic and Persian written in Latin, Turkish, Hebrew, African,
  Greek). Given names and surnames are drawn with Zipf-like frequencies from lists of real
  names (common names repeat a lot: thousands of "Wang"s, hundreds of "John Smith"s), plus a
  long tail of surnames built from syllables, as real surname distributions have.
* **1-5 identities per person** (about half have one): name spelling variants (initials,
  middle names, nicknames in parentheses, lower/upper case, accents dropped, family name
  first, "Doe, Jane", native script or Latin, typos, other transliterations, the handle as
  the name, "Your Name"), over several addresses: free mail (gmail.com first, then the
  culture's providers), company and university addresses, GitHub noreply addresses
  (``ID+login@users.noreply.github.com`` and ``login@users.noreply.github.com``), machine
  addresses (``jdoe@jdoe-laptop.local``, ``jane@desktop.(none)``) and placeholders (empty,
  ``devnull@localhost``, ``(none)``, ``root@host``, ``none@none``, relay addresses such as
  ``noreply@weblate.org`` or ``you@example.com`` used by thousands). GitHub accounts appear as
  ``source="github"`` identities with the login as username; forum and mailing-list
  identities too.
* **Bots**: GitHub apps (``dependabot[bot]``...), project bots (``numpy-bot``), CI accounts
  (Jenkins, buildbot, "CI"), about 1 % of the identities.
* A few **team addresses** shared by several humans, which the importer wrongly puts into one
  person: the starting point is not perfectly precise either.

Identity ids are 1..n in a shuffled (import) order. Each record's ``person`` is what the
importer gives it: its own id, except that identities sharing one personal address
(``is_personal_email``) share the person of the first of them. ``truth`` maps each identity
id to the human (or bot) it really is. The same ``n`` and ``seed`` always give the same data.
"""
from __future__ import annotations

import bisect
import random
import re
import unicodedata
from collections import Counter
from itertools import accumulate

from seedbed.people.placeholders import email_key, is_personal_email
from seedbed.people.resolve import Record

GENERATOR_VERSION = 1


class Zipf:
    """Items drawn with weight 1/rank**s (the first item is the most common)."""

    __slots__ = ("items", "cum", "total")

    def __init__(self, items, s: float = 1.0):
        self.items = list(items)
        self.cum = list(accumulate(1.0 / (i + 1) ** s for i in range(len(self.items))))
        self.total = self.cum[-1]

    def draw(self, rng: random.Random):
        return self.items[bisect.bisect_right(self.cum, rng.random() * self.total)]


def _split(text: str) -> list[str]:
    return [w for w in re.split(r"[,\n]\s*", text) if w.strip()]


def _pairs(text: str) -> list[tuple[str, str]]:
    """"Latin=Native, ..." -> [(latin, native)]."""
    out = []
    for item in _split(text):
        latin, _, native = item.partition("=")
        out.append((latin.strip(), native.strip()))
    return out


def _plain(text: str) -> list[tuple[str, str]]:
    return [(w.strip(), "") for w in _split(text)]


# -- names ------------------------------------------------------------------------------------
# Each culture: given names (Zipf order: most common first), surnames, a syllable tail for
# rarer surnames, nicknames, and how its people write their names and where they mail from.

EN_GIVEN = _plain("""James, John, Michael, David, Robert, William, Chris, Daniel, Matthew, Thomas, Andrew, Mark,
Paul, Richard, Steven, Joseph, Kevin, Brian, Ryan, Jason, Eric, Peter, Jonathan, Jeff, Scott, Tim, Ben, Adam,
Nicholas, Alexander, Sam, Patrick, Jack, Tyler, Aaron, Nathan, Kyle, Sean, Charles, George, Anthony, Justin,
Brandon, Gregory, Jeremy, Ethan, Noah, Zachary, Dennis, Gary, Joshua, Jacob, Christian, Luke, Henry, Oliver,
Harry, Simon, Ian, Graham, Colin, Stuart, Neil, Gavin, Owen, Dylan, Travis, Derek, Cody, Wesley, Cameron, Logan,
Mary, Sarah, Jennifer, Emily, Jessica, Elizabeth, Laura, Rachel, Emma, Hannah, Anna, Amanda, Katherine, Megan,
Lauren, Rebecca, Stephanie, Olivia, Julia, Chloe, Claire, Grace, Sophie, Lucy, Abigail, Alice, Victoria, Natalie,
Samantha, Jane, Ellen, Kelsey, Madison, Ashley, Michelle, Melissa, Amy, Angela, Lisa, Karen, Susan, Nancy,
Margaret, Patricia, Linda, Barbara, Deborah, Cynthia, Sharon, Kathleen, Heather, Erin, Molly, Holly, Brooke,
Courtney, Caitlin, Bethany, Charlotte, Amelia, Isla, Freya, Imogen, Harriet, Ruth, Joan, Judith""")
EN_SURNAMES = _plain("""Smith, Johnson, Williams, Brown, Jones, Miller, Davis, Wilson, Anderson, Taylor, Thomas,
Moore, Martin, Jackson, Thompson, White, Harris, Clark, Lewis, Robinson, Walker, Young, Allen, King, Wright,
Scott, Hill, Green, Adams, Baker, Nelson, Carter, Mitchell, Roberts, Turner, Phillips, Campbell, Parker, Evans,
Edwards, Collins, Stewart, Morris, Murphy, Cook, Rogers, Morgan, Cooper, Peterson, Reed, Bailey, Bell, Kelly,
Howard, Ward, Cox, Richardson, Wood, Watson, Brooks, Bennett, Gray, Hughes, Price, Sanders, Myers, Long, Ross,
Foster, Powell, Jenkins, Perry, Russell, Sullivan, Fisher, Henderson, Hamilton, Graham, Wallace, Woods, Cole,
West, Jordan, Owens, Reynolds, Ellis, Harrison, Gibson, McDonald, Marshall, O'Brien, Kennedy, Murray, Fraser,
Doyle, Walsh, Byrne, O'Connor, Lynch, McCarthy, Quinn, Gallagher, Fitzgerald, MacLeod, Robertson, Hunter,
Knight, Stone, Hawkins, Dunn, Perkins, Hudson, Spencer, Gardner, Stephens, Payne, Pierce, Berry, Matthews,
Arnold, Wagner, Willis, Ray, Watkins, Olson, Carroll, Duncan, Snyder, Hart, Cunningham, Bradley, Lane, Andrews,
Ruiz, Harper, Fox, Riley, Armstrong, Carpenter, Weaver, Greene, Lawrence, Elliott, Chapman, Sims, Austin,
Peters, Kelley, Franklin, Lawson, Fields, Ryan, Schmidt, Carr, Castillo, Wheeler, Chavez, Dean, Gilbert""")
EN_TAIL = (
    _split("""Ash, Bar, Black, Brad, Brom, Cald, Carl, Chad, Chester, Crom, Dal, Dun, Elm, Fair, Farn, Gold,
    Grim, Hal, Hart, Hawk, Hol, Kings, Lang, Lock, Mar, Mel, Mid, Mor, New, Nor, Oak, Pem, Rad, Red, Ren, Rother,
    Sal, Shel, Stan, Stock, Strat, Sum, Thorn, Tre, Wain, Wal, Wat, Wen, West, Whit, Wil, Wind, Win, Wolf, Wor,
    Yar, Brig, Cran, Dray, Gil, Hemp, Lins, Pen, Rams, Sax, Tid, Ux, Wex"""),
    ["", "", "", "", "er", "ing", "s", "e", "en", "ling"],
    _split("""ford, well, ton, ley, field, wood, by, man, son, worth, more, ridge, ham, ing, er, stone, croft, dale,
    hurst, wick, brook, combe, shaw, bury, land, low, mere, stead, thorpe, ward, cote, den, hill, holt, more, well"""),
)
EN_NICK = {
    "Robert": ["Bob", "Rob", "Bobby"], "William": ["Bill", "Will"], "Richard": ["Rick", "Rich"],
    "James": ["Jim", "Jamie", "Jimmy"], "Michael": ["Mike"], "Thomas": ["Tom", "Tommy"], "Chris": ["Topher"],
    "Daniel": ["Dan", "Danny"], "Matthew": ["Matt"], "Anthony": ["Tony"], "Steven": ["Steve"], "Andrew": ["Andy", "Drew"],
    "Joseph": ["Joe", "Joey"], "Nicholas": ["Nick", "Nicky"], "Jonathan": ["Jon", "Jonny"], "Benjamin": ["Ben"],
    "Samuel": ["Sam"], "Alexander": ["Alex", "Xander"], "Patrick": ["Pat", "Paddy"], "Gregory": ["Greg"],
    "Zachary": ["Zach", "Zack"], "Elizabeth": ["Liz", "Beth", "Lizzie"], "Katherine": ["Kate", "Katie", "Kathy"],
    "Jennifer": ["Jen", "Jenny"], "Margaret": ["Maggie", "Meg", "Peggy"], "Patricia": ["Pat", "Trish"],
    "Rebecca": ["Becky", "Becca"], "Deborah": ["Debbie", "Deb"], "Samantha": ["Sam", "Sammy"],
    "Victoria": ["Vicky", "Tori"], "Stephanie": ["Steph"], "Abigail": ["Abby"], "Jessica": ["Jess"],
    "Cynthia": ["Cindy"], "Natalie": ["Nat"], "Susan": ["Sue", "Suzy"], "Barbara": ["Barb"], "Charles": ["Charlie", "Chuck"],
    "Jeff": ["Jeffrey"], "Tim": ["Timothy"], "Ben": ["Benjamin"], "Sam": ["Samuel"], "Peter": ["Pete"],
    "Kevin": ["Kev"], "Harry": ["Harold"], "Charlotte": ["Charlie", "Lottie"], "Emily": ["Em", "Emmy"],
}

ES_GIVEN = _plain("""José, Juan, Luis, Carlos, Jorge, Miguel, Alejandro, Pedro, Manuel, Francisco, Javier, Antonio,
Diego, Fernando, Ricardo, Andrés, Sebastián, Mateo, Santiago, Gabriel, Rafael, Pablo, Sergio, Raúl, Héctor,
Óscar, Rubén, Iván, Ramón, Joaquín, Tomás, Nicolás, Martín, Álvaro, Adrián, Julián, Gonzalo, Ignacio, João,
Gonçalo, Vinícius, Thiago, Lucas, Felipe, Rodrigo, Bruno, Leonardo, Guilherme, Matheus, Caio, Eduardo, Emilio,
María, Ana, Lucía, Sofía, Carmen, Laura, Isabel, Camila, Valentina, Paula, Elena, Marta, Verónica, Andrea,
Daniela, Gabriela, Mariana, Natalia, Beatriz, Inês, Fernanda, Juliana, Letícia, Ximena, Guadalupe, Mónica,
Patricia, Rocío, Pilar, Alba, Nuria, Irene, Raquel, Larissa, Bruna, Luana, Renata""")
ES_SURNAMES = _plain("""García, Rodríguez, González, Fernández, López, Martínez, Sánchez, Pérez, Gómez, Martín,
Jiménez, Ruiz, Hernández, Díaz, Moreno, Álvarez, Muñoz, Romero, Alonso, Gutiérrez, Navarro, Torres, Domínguez,
Vázquez, Ramos, Gil, Ramírez, Serrano, Blanco, Suárez, Molina, Morales, Ortega, Delgado, Castro, Ortiz, Rubio,
Marín, Sanz, Núñez, Iglesias, Medina, Garrido, Cortés, Castillo, Santos, Lozano, Guerrero, Cano, Prieto, Méndez,
Cruz, Calvo, Gallego, Vidal, León, Márquez, Herrera, Peña, Flores, Cabrera, Campos, Vega, Fuentes, Carrasco,
Silva, Souza, Oliveira, Pereira, Costa, Rodrigues, Almeida, Nascimento, Lima, Araújo, Fernandes, Carvalho, Gomes,
Ribeiro, Martins, Rocha, Barbosa, Gonçalves, Conceição, Magalhães, Mendes, Moura, Cardoso, Teixeira, Correia,
Pinto, Reyes, Aguilar, Mendoza, Rojas, Vargas, Chávez, Salazar, Espinoza, Sandoval, Contreras, Figueroa""")
ES_TAIL = (
    _split("""Alv, Bel, Cal, Cas, Cor, Dom, Esc, Fig, Gal, Ib, Lar, Mend, Mor, Nav, Oc, Pal, Quir, Riv, Sal, Tol,
    Urr, Val, Zam, Bust, Carr, Echev, Gar, Hern, Lor, Mart, Pach, Sot, Vill, Olm, Arr, Bar, Cam, Luc, Mon, Sev"""),
    ["", "", "", "ar", "ab", "am", "en", "ul"],
    _split("""ez, es, ero, ana, illo, uela, arte, eira, ada, ado, ón, ales, iz, edo, ino, ueta, ía, ella, anda, oso"""),
)
ES_NICK = {"Francisco": ["Paco", "Pancho"], "José": ["Pepe"], "Ignacio": ["Nacho"], "Guadalupe": ["Lupe"],
           "Alejandro": ["Alex"], "Santiago": ["Santi"], "Eduardo": ["Edu"], "Guilherme": ["Gui"], "Gabriela": ["Gabi"]}

FR_GIVEN = _plain("""Nicolas, Julien, Pierre, Jérôme, François, Stéphane, Sébastien, Guillaume, Olivier, Antoine,
Mathieu, Vincent, Romain, Maxime, Clément, Thomas, Alexandre, Frédéric, Benoît, Thibault, Aurélien, Cédric,
Jean, Jean-Baptiste, Jean-Marc, Émile, Rémi, Loïc, Gaël, Théo, Hugo, Baptiste, Arnaud, Xavier, Yannick, Mickaël,
Marie, Élodie, Céline, Amélie, Chloé, Léa, Manon, Camille, Margaux, Anaïs, Aurélie, Sylvie, Nathalie,
Isabelle, Sandrine, Émilie, Mathilde, Juliette, Noémie, Cécile, Geneviève, Joëlle, Hélène, Solène, Maëlle""")
FR_SURNAMES = _plain("""Martin, Bernard, Dubois, Thomas, Robert, Richard, Petit, Durand, Leroy, Moreau, Simon,
Laurent, Lefèvre, Michel, David, Bertrand, Roux, Vincent, Fournier, Morel, Girard, André, Lefebvre, Mercier,
Dupont, Lambert, Bonnet, François, Legrand, Garnier, Faure, Rousseau, Blanc, Guérin, Muller, Henry, Roussel,
Perrin, Morin, Mathieu, Clément, Gauthier, Dumont, Fontaine, Chevalier, Robin, Masson, Gérard, Boyer, Denis,
Lemaire, Duval, Joly, Gautier, Roche, Noël, Meyer, Meunier, Marchand, Dufour, Blanchard, Barbier, Brun, Dumas,
Brunet, Schmitt, Leroux, Colin, Renaud, Arnaud, Rolland, Caron, Aubert, Giraud, Leclerc, Bourgeois, Renard,
Lemoine, Picard, Gaillard, Lacroix, Fabre, Dupuis, Hubert, Guillot, Rivière, Le Gall, Moulin, Berger, Lecomte,
Ménard, Fleury, Deschamps, Carpentier, Bénard, Maillard, Collet, Barré, Perret, Lebrun, Hamon, Étienne, Bouvier""")
FR_TAIL = (
    _split("""Beau, Bel, Bou, Char, Cour, Dela, Des, Du, Font, Gar, Lan, Le, Mal, Mon, Pel, Quen, Ros, Ser, Tour,
    Vil, Chal, Mar, Bois, Lam, Ver, Jou, Roch, Bras, Cha, Ger, Mé, Tal"""),
    ["", "", "", "de", "ne", "re"],
    _split("""champ, court, mont, ville, bert, chard, det, lier, nier, rot, tier, vert, eau, ot, in, ard, ier, y, el,
    aud, enne, elle, ière, on"""),
)
FR_NICK = {"Jean-Baptiste": ["JB"], "Alexandre": ["Alex"], "Nicolas": ["Nico"], "Maxime": ["Max"],
           "Guillaume": ["Guigui"], "Mathilde": ["Mathou"], "Stéphane": ["Steph"]}

DE_GIVEN = _plain("""Thomas, Michael, Stefan, Andreas, Christian, Markus, Tobias, Matthias, Sebastian, Florian,
Jan, Lukas, Jonas, Felix, Maximilian, Moritz, Niklas, Tim, Daniel, Dirk, Uwe, Klaus, Wolfgang, Jürgen, Jörg,
Günter, Björn, Sören, Søren, Lars, Nils, Erik, Anders, Henrik, Magnus, Johan, Pieter, Joost, Bram, Sander, Thijs,
Wouter, Maarten, Koen, Gerrit, Ruud, Jesper, Mikael, Kristian, Mikko, Juha, Antti, Jukka, Ville, Timo, Matti,
Anna, Katharina, Sabine, Ute, Birgit, Petra, Julia, Lena, Lea, Hannah, Sophie, Johanna, Franziska, Anneke,
Femke, Sanne, Lotte, Ingrid, Astrid, Sigrid, Åsa, Ingeborg, Kirsten, Maren, Frauke, Merle, Britta, Silke, Dörte,
Laura, Sanna, Aino, Heidi, Liisa""")
DE_SURNAMES = _plain("""Müller, Schmidt, Schneider, Fischer, Weber, Meyer, Wagner, Becker, Schulz, Hoffmann,
Schäfer, Koch, Bauer, Richter, Klein, Wolf, Schröder, Neumann, Schwarz, Zimmermann, Braun, Krüger, Hofmann,
Hartmann, Lange, Schmitt, Werner, Schmitz, Krause, Meier, Lehmann, Schmid, Schulze, Maier, Köhler, Herrmann,
König, Walter, Mayer, Huber, Kaiser, Fuchs, Peters, Lang, Scholz, Möller, Weiß, Jung, Hahn, Schubert, Vogel,
Friedrich, Keller, Günther, Frank, Berger, Winkler, Roth, Beck, Lorenz, Baumann, Franke, Albrecht, Schuster,
Ludwig, Böhm, Winter, Kraus, Schumacher, Krämer, Vogt, Stein, Jäger, Otto, Sommer, Groß, Seidel, Heinrich,
Brandt, Haas, Schreiber, Graf, Dietrich, Ziegler, Kuhn, Kühn, Pohl, Engel, Horn, Busch, Bergmann, Voigt, Sauer,
de Jong, Jansen, de Vries, van den Berg, van Dijk, Bakker, Janssen, Visser, Smit, Meijer, de Boer, Mulder,
de Groot, Bos, Vos, Hendriks, van Leeuwen, Dekker, Brouwer, de Wit, Dijkstra, Smits, de Graaf, van der Meer,
van der Linden, Kok, Jacobs, de Haan, Vermeulen, van den Heuvel, van der Veen, de Bruijn, van der Heijden,
Schouten, van Beek, Willems, van Vliet, Hoekstra, Maas, Verhoeven, Koster, Prins, Blom, Huisman, Hansen,
Johansson, Andersson, Karlsson, Nilsson, Eriksson, Larsson, Olsson, Persson, Svensson, Gustafsson, Jensen,
Nielsen, Pedersen, Andersen, Christensen, Larsen, Sørensen, Rasmussen, Jørgensen, Olsen, Johansen, Berg,
Haugen, Hagen, Ødegaard, Virtanen, Korhonen, Mäkinen, Nieminen, Mäkelä, Hämäläinen, Laine, Heikkinen,
Koskinen, Järvinen, Lindqvist, Lindström, Bergström, Sjöberg, Holm, Ekström, Åberg""")
DE_TAIL = (
    _split("""Acker, Adler, Berg, Birken, Blum, Brand, Eisen, Feld, Fried, Gold, Grün, Hagen, Hasel, Heil, Hirsch,
    Hoch, Holz, Kirch, Lauter, Linden, Mittel, Morgen, Neu, Ober, Rosen, Sonnen, Stein, Tann, Wald, Wein, Zeller,
    Eich, Buch, Stroh, Klee, Dorn, Sand, Lind, Sjö, Ek, Dahl, Ström, Fors, Häll, Lund, Nord, Sund, Björk, Öst,
    Kos, Mäk, Vir, Lah, Kor, Jär, Nie, Saa, Hak, Tuo, Ran, Vuo, Kal, Lem, Rau, Wes, Schön, Frei"""),
    ["", "", "", "", "en", "el", "er", "s"],
    _split("""bach, berg, mann, hof, feld, hausen, stein, dorf, thal, meier, inger, er, wald, burg, brunner, huber,
    schmidt, reuter, bauer, kamp, haus, ke, ler, ner, gren, lund, ström, qvist, holm, blad, sten, kinen, tanen,
    onen, ala, inen, mäki, järvi, koski, lahti, ink, ema, stra"""),
)
DE_NICK = {"Andreas": ["Andi"], "Matthias": ["Matze"], "Maximilian": ["Max"], "Tobias": ["Tobi"],
           "Sebastian": ["Basti"], "Katharina": ["Kathi"], "Franziska": ["Franzi"], "Johanna": ["Jo"],
           "Christian": ["Chris"], "Alexander": ["Alex"], "Wolfgang": ["Wolf"], "Henrik": ["Henke"]}

IT_GIVEN = _plain("""Marco, Luca, Giuseppe, Giovanni, Francesco, Alessandro, Andrea, Matteo, Lorenzo, Davide,
Simone, Federico, Riccardo, Stefano, Paolo, Roberto, Antonio, Salvatore, Fabio, Massimo, Niccolò, Gabriele,
Emanuele, Pietro, Tommaso, Michele, Daniele, Filippo, Mattia, Leonardo, Giulia, Francesca, Chiara, Sara,
Martina, Valentina, Alessia, Elisa, Federica, Silvia, Elena, Laura, Giorgia, Ilaria, Beatrice, Serena, Roberta""")
IT_SURNAMES = _plain("""Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Colombo, Ricci, Marino, Greco, Bruno, Gallo,
Conti, De Luca, Mancini, Costa, Giordano, Rizzo, Lombardi, Moretti, Barbieri, Fontana, Santoro, Mariani,
Rinaldi, Caruso, Ferrara, Galli, Martini, Leone, Longo, Gentile, Martinelli, Vitale, Lombardo, Serra, Coppola,
De Santis, D'Angelo, Marchetti, Parisi, Villa, Conte, Ferraro, Ferri, Fabbri, Bianco, Marini, Grasso,
Valentini, Messina, Sala, De Angelis, Gatti, Pellegrini, Palumbo, Sanna, Farina, Rizzi, Monti, Cattaneo,
Morelli, Amato, Silvestri, Mazza, Testa, Grassi, Pellegrino, Carbone, Giuliani, Benedetti, Barone, Rossetti,
Caputo, Montanari, Guerra, Palmieri, Bernardi, Martino, Fiore, De Rosa, Ferretti, Bellini, Basile, Riva,
Donati, Piras, Vitali, Battaglia, Sartori, Neri, Costantini, Milani, Pagano, Ruggiero, Sorrentino, D'Amico""")
IT_TAIL = (
    _split("""Ab, Bar, Bel, Ber, Bon, Cal, Cap, Car, Cas, Cor, Dal, Fab, Fer, Gal, Gar, Lan, Lom, Mag, Man, Mar,
    Mas, Mor, Nar, Pag, Pal, Pel, Ros, Sal, San, Tor, Val, Ven, Zan, Zor"""),
    ["", "", "", "ag", "an", "ol", "er", "ic", "ell"],
    _split("""ini, etti, elli, one, ari, ucci, otti, ano, esi, ardi, aldi, ato, azzi, izzi, olo, uzzo, acci, ieri"""),
)
IT_NICK = {"Giuseppe": ["Beppe", "Peppe"], "Francesco": ["Checco"], "Alessandro": ["Sandro", "Alex"],
           "Salvatore": ["Totò"], "Giovanni": ["Gianni"], "Tommaso": ["Tommy"], "Massimo": ["Max"]}

PL_GIVEN = _plain("""Piotr, Krzysztof, Tomasz, Paweł, Michał, Łukasz, Marcin, Jakub, Wojciech, Kamil, Mateusz,
Grzegorz, Przemysław, Bartłomiej, Rafał, Dariusz, Szymon, Jarosław, Zbigniew, Agnieszka, Małgorzata, Katarzyna,
Magdalena, Joanna, Aleksandra, Monika, Ewa, Justyna, Zofia, Jiří, Petr, Tomáš, Jan, Martin, Ondřej, Lukáš,
Vojtěch, Matěj, Kateřina, Tereza, Lucie, Zuzana, Ľubomír, Gábor, László, Zoltán, Péter, Balázs, Ádám, Dániel,
Zsófia, Eszter, Réka, Bogdan, Mihai, Andrei, Ștefan, Ioana, Miloš, Nikola, Marko, Luka, Dušan, Ivana, Jelena""")
PL_SURNAMES = _plain("""Nowak, Kowalski, Wiśniewski, Wójcik, Kowalczyk, Kamiński, Lewandowski, Zieliński, Szymański,
Woźniak, Dąbrowski, Kozłowski, Jankowski, Mazur, Kwiatkowski, Krawczyk, Piotrowski, Grabowski, Nowakowski,
Pawłowski, Michalski, Nowicki, Adamczyk, Dudek, Zając, Wieczorek, Jabłoński, Król, Majewski, Olszewski,
Jaworski, Wróbel, Malinowski, Pawlak, Witkowski, Walczak, Stępień, Górski, Rutkowski, Michalak, Sikora,
Ostrowski, Baran, Duda, Szewczyk, Tomaszewski, Pietrzak, Marciniak, Wróblewski, Zalewski, Novák, Svoboda,
Novotný, Dvořák, Černý, Procházka, Kučera, Veselý, Horák, Němec, Pokorný, Marek, Pospíšil, Hájek, Jelínek,
Král, Růžička, Beneš, Fiala, Sedláček, Nagy, Kovács, Tóth, Szabó, Horváth, Varga, Kiss, Molnár, Németh, Farkas,
Balogh, Papp, Takács, Juhász, Popescu, Ionescu, Popa, Stan, Dumitru, Radu, Jovanović, Petrović, Nikolić,
Marković, Đorđević, Stojanović, Ilić, Horvat, Kovačević, Babić, Marić, Novak, Kranjc""")
PL_TAIL = (
    _split("""Bar, Bor, Chm, Dąb, Gór, Jas, Kal, Kos, Krz, Las, Lip, Mal, Nad, Ost, Pol, Rad, Sad, Sok, Szcz, Tar, Wil,
    Zab, Żuk, Brz, Grz, Haj, Kop, Mar, Pet, Stan, Vese, Bog, Drag, Mil, Rad, Zel"""),
    ["", "", "", "ow", "el", "ań", "ic"],
    _split("""owski, ewski, iński, ycki, ak, czyk, iak, ek, ik, owicz, ewicz, ański, ecki, ová, ný, ovič, escu,
    ović, ić, ás, ényi"""),
)
PL_NICK = {"Aleksandra": ["Ola"], "Małgorzata": ["Gosia"], "Katarzyna": ["Kasia"], "Wojciech": ["Wojtek"],
           "Bartłomiej": ["Bartek"], "Przemysław": ["Przemek"], "Jiří": ["Jirka"], "Tomáš": ["Tom"]}

RU_GIVEN_M = _pairs("""Alexander=Александр, Alexey=Алексей, Dmitry=Дмитрий, Sergey=Сергей, Andrey=Андрей,
Ivan=Иван, Mikhail=Михаил, Nikolay=Николай, Vladimir=Владимир, Evgeny=Евгений, Maxim=Максим, Pavel=Павел,
Artem=Артём, Oleg=Олег, Anton=Антон, Kirill=Кирилл, Nikita=Никита, Roman=Роман, Ilya=Илья, Yury=Юрий,
Viktor=Виктор, Igor=Игорь, Denis=Денис, Konstantin=Константин, Grigory=Григорий, Timur=Тимур, Vadim=Вадим,
Stanislav=Станислав, Bohdan=Богдан, Taras=Тарас, Oleksandr=Олександр, Ostap=Остап, Vitaly=Виталий,
Ruslan=Руслан, Arseny=Арсений, Gleb=Глеб, Fedor=Фёдор, Yaroslav=Ярослав, Valery=Валерий, Leonid=Леонид""")
RU_GIVEN_F = _pairs("""Anna=Анна, Maria=Мария, Elena=Елена, Olga=Ольга, Natalia=Наталья, Ekaterina=Екатерина,
Tatiana=Татьяна, Irina=Ирина, Svetlana=Светлана, Yulia=Юлия, Anastasia=Анастасия, Daria=Дарья, Ksenia=Ксения,
Polina=Полина, Alena=Алёна, Victoria=Виктория, Oksana=Оксана, Lyudmila=Людмила, Sofia=Софья, Vera=Вера""")
RU_SURNAMES = _pairs("""Ivanov=Иванов, Smirnov=Смирнов, Kuznetsov=Кузнецов, Popov=Попов, Vasilyev=Васильев,
Petrov=Петров, Sokolov=Соколов, Mikhailov=Михайлов, Novikov=Новиков, Fedorov=Фёдоров, Morozov=Морозов,
Volkov=Волков, Alekseev=Алексеев, Lebedev=Лебедев, Semenov=Семёнов, Egorov=Егоров, Pavlov=Павлов,
Kozlov=Козлов, Stepanov=Степанов, Nikolaev=Николаев, Orlov=Орлов, Andreev=Андреев, Makarov=Макаров,
Nikitin=Никитин, Zakharov=Захаров, Zaitsev=Зайцев, Solovyov=Соловьёв, Borisov=Борисов, Yakovlev=Яковлев,
Grigoriev=Григорьев, Romanov=Романов, Vorobyov=Воробьёв, Sergeev=Сергеев, Kuzmin=Кузьмин, Frolov=Фролов,
Alexandrov=Александров, Dmitriev=Дмитриев, Korolev=Королёв, Gusev=Гусев, Kiselev=Киселёв, Ilyin=Ильин,
Maximov=Максимов, Polyakov=Поляков, Sorokin=Сорокин, Vinogradov=Виноградов, Kovalev=Ковалёв, Belov=Белов,
Medvedev=Медведев, Antonov=Антонов, Tarasov=Тарасов, Zhukov=Жуков, Baranov=Баранов, Shevchenko=Шевченко,
Bondarenko=Бондаренко, Kovalenko=Коваленко, Tkachenko=Ткаченко, Kravchenko=Кравченко, Oliinyk=Олійник,
Melnyk=Мельник, Boyko=Бойко, Lysenko=Лысенко, Rudenko=Руденко, Savchenko=Савченко, Moroz=Мороз""")
RU_TAIL = (
    _split("""Бел, Бор, Вол, Гор, Гром, Дуб, Жур, Зим, Кар, Клим, Лес, Лук, Мал, Мир, Нов, Пес, Рыб, Сав, Сол, Тих,
    Чер, Шум, Юд, Яр, Сем, Крас, Остр, Проц, Руд, Щерб, Бык, Гал, Дор, Ерм, Кур, Лаз, Мух, Пан, Сит, Фил"""),
    ["", "", "", "ан", "ен", "ил", "ор", "уш"],
    _split("""ов, ев, ин, ский, енко, ук, чук, ович, ых, ой, ко, як"""),
)
RU_ALT = {"Dmitry": ["Dmitrii", "Dmitriy", "Dimitri"], "Alexey": ["Aleksei", "Alexei", "Aleksey"],
          "Sergey": ["Sergei", "Serguei"], "Yury": ["Yuri", "Iurii", "Yuriy"], "Evgeny": ["Evgenii", "Yevgeny", "Eugene"],
          "Andrey": ["Andrei"], "Nikolay": ["Nikolai"], "Grigory": ["Grigorii"], "Artem": ["Artyom", "Artiom"],
          "Vitaly": ["Vitalii", "Vitaliy"], "Arseny": ["Arsenii"], "Fedor": ["Fyodor", "Fedya"],
          "Mikhail": ["Michael", "Mikhael"], "Alexander": ["Aleksandr", "Alex"], "Maxim": ["Maksim"],
          "Natalia": ["Natalya", "Nataliya"], "Tatiana": ["Tatyana"], "Ksenia": ["Kseniia", "Xenia"],
          "Yulia": ["Julia", "Iuliia"], "Daria": ["Darya"], "Valery": ["Valerii"]}
RU_NICK = {"Alexander": ["Sasha", "Sanya"], "Alexey": ["Lyosha"], "Dmitry": ["Dima"], "Sergey": ["Seryozha"],
           "Mikhail": ["Misha"], "Nikolay": ["Kolya"], "Vladimir": ["Vova", "Volodya"], "Evgeny": ["Zhenya"],
           "Pavel": ["Pasha"], "Ekaterina": ["Katya"], "Anastasia": ["Nastya"], "Maria": ["Masha"],
           "Elena": ["Lena"], "Tatiana": ["Tanya"], "Yulia": ["Yulya"], "Konstantin": ["Kostya"], "Ivan": ["Vanya"]}
_CYR = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ",
                ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t",
                 "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "i", "yi", "ye", "g"]))


def _latin_of_cyrillic(text: str) -> str:
    out = []
    for ch in text:
        low = ch.lower()
        tr = _CYR.get(low, ch)
        out.append(tr.capitalize() if ch != low else tr)
    return "".join(out).replace("iy", "y").replace("yy", "y")


CN_SURNAMES = _pairs("""Wang=王, Li=李, Zhang=张, Liu=刘, Chen=陈, Yang=杨, Huang=黄, Zhao=赵, Wu=吴, Zhou=周, Xu=徐,
Sun=孙, Ma=马, Zhu=朱, Hu=胡, Guo=郭, He=何, Gao=高, Lin=林, Luo=罗, Zheng=郑, Liang=梁, Xie=谢, Song=宋, Tang=唐,
Han=韩, Feng=冯, Deng=邓, Cao=曹, Peng=彭, Zeng=曾, Xiao=肖, Tian=田, Dong=董, Yuan=袁, Pan=潘, Yu=于, Jiang=蒋,
Cai=蔡, Du=杜, Ye=叶, Cheng=程, Wei=魏, Su=苏, Lv=吕, Ding=丁, Ren=任, Shen=沈, Yao=姚, Lu=卢, Jiang=姜, Cui=崔,
Zhong=钟, Tan=谭, Lu=陆, Wang=汪, Fan=范, Jin=金, Shi=石, Liao=廖, Jia=贾, Xia=夏, Wei=韦, Fu=傅, Fang=方, Bai=白,
Zou=邹, Meng=孟, Xiong=熊, Qin=秦, Qiu=邱, Jiang=江, Yin=尹, Xue=薛, Yan=闫, Duan=段, Lei=雷, Hou=侯, Long=龙,
Shi=史, Tao=陶, Li=黎, He=贺, Gu=顾, Mao=毛, Hao=郝, Gong=龚, Shao=邵, Wan=万, Qian=钱, Yan=严, Wu=武, Dai=戴,
Mo=莫, Kong=孔, Xiang=向, Chang=常, Chan=陈, Wong=黄, Cheung=张, Lee=李, Lau=刘, Ng=吴, Ho=何, Leung=梁, Tsai=蔡,
Hsu=徐, Chang=张, Huang=黃, Kuo=郭, Tsao=曹""")
CN_GIVEN_CHARS = _pairs("""wei=伟, fang=芳, na=娜, min=敏, jing=静, li=丽, qiang=强, lei=磊, jun=军, yang=洋,
yong=勇, yan=艳, jie=杰, juan=娟, tao=涛, ming=明, chao=超, xiu=秀, xia=霞, ping=平, gang=刚, hua=华, hui=慧,
jian=建, xin=欣, yu=宇, hao=浩, zi=子, xuan=轩, han=涵, yi=一, chen=晨, rui=睿, bo=博, wen=文, kai=凯, long=龙,
feng=峰, lin=琳, yun=云, xiao=晓, dong=东, peng=鹏, hong=红, zhi=志, qing=清, tian=天, xing=星, yu=雨, ze=泽,
jia=佳, yi=怡, shu=书, meng=梦, tong=彤, le=乐, an=安, ning=宁, cheng=成, xue=雪, ying=英, zhen=振, guo=国,
hai=海, bin=斌, fei=飞, kun=坤, shan=珊, qi=琪, lu=露, zhe=哲, jin=锦, sheng=晟, heng=恒, ye=烨, teng=腾,
si=思, yao=瑶, ran=然, xi=曦, jiahui=家辉, zhiwei=志伟""")
CN_CHARS = Zipf(CN_GIVEN_CHARS, 0.4)
CN_ENGLISH = _split("""David, Kevin, Jason, Eric, Tony, Jack, Leo, Vincent, Peter, Frank, Tom, Sam, Alice, Grace,
Cindy, Amy, Lily, Vivian, Iris, Jenny, Michael, Steven, Andy, Ben, Chris, Hank, Ivy, Joy, Sunny, Echo""")

JP_SURNAMES = _pairs("""Sato=佐藤, Suzuki=鈴木, Takahashi=高橋, Tanaka=田中, Watanabe=渡辺, Ito=伊藤, Yamamoto=山本,
Nakamura=中村, Kobayashi=小林, Kato=加藤, Yoshida=吉田, Yamada=山田, Sasaki=佐々木, Yamaguchi=山口,
Matsumoto=松本, Inoue=井上, Kimura=木村, Hayashi=林, Shimizu=清水, Yamazaki=山崎, Mori=森, Abe=阿部, Ikeda=池田,
Hashimoto=橋本, Ishikawa=石川, Ogawa=小川, Okada=岡田, Hasegawa=長谷川, Fujita=藤田, Goto=後藤, Kondo=近藤,
Murakami=村上, Endo=遠藤, Aoki=青木, Sakamoto=坂本, Nishimura=西村, Fukuda=福田, Ota=太田, Miura=三浦,
Fujii=藤井, Okamoto=岡本, Matsuda=松田, Nakagawa=中川, Nakano=中野, Harada=原田, Ono=小野, Tamura=田村,
Takeuchi=竹内, Kaneko=金子, Wada=和田""")
JP_PARTS = _pairs("""Yama=山, Kawa=川, Ta=田, Naka=中, Mura=村, Moto=本, Shita=下, Hara=原, I=井, Ki=木, Mori=森,
Ishi=石, Hashi=橋, No=野, Oka=岡, Shima=島, Saki=崎, Matsu=松, Take=竹, Fuji=藤, Kita=北, Nishi=西, Higashi=東,
Minami=南, Ko=小, O=大, Taka=高, Naga=長, Sawa=沢, Uchi=内, Ue=上, Sugi=杉, Ume=梅, Kubo=久保, Tsuka=塚""")
JP_GIVEN = _pairs("""Hiroshi=浩, Takashi=隆, Kenji=健二, Yuki=雪, Haruto=陽翔, Sota=蒼太, Yuto=悠斗, Ren=蓮,
Daiki=大輝, Kenta=健太, Shota=翔太, Ryota=涼太, Takuya=拓也, Naoki=直樹, Kazuki=和樹, Yusuke=祐介, Daisuke=大輔,
Masahiro=雅弘, Tomohiro=智弘, Akira=明, Satoshi=聡, Tetsuya=哲也, Kohei=耕平, Shun=駿, Yui=結衣, Aoi=葵,
Sakura=さくら, Hina=陽菜, Yuna=結菜, Mei=芽衣, Haruka=遥, Ayaka=彩花, Misaki=美咲, Nanami=七海, Kaori=香織,
Yoko=洋子, Keiko=恵子, Tomoko=智子, Naoko=直子, Emi=恵美, Kazuhiro=和宏, Hideki=秀樹, Koji=浩二, Makoto=誠""")

KR_SURNAMES = _pairs("""Kim=김, Lee=이, Park=박, Choi=최, Jung=정, Kang=강, Cho=조, Yoon=윤, Jang=장, Lim=임, Han=한,
Oh=오, Seo=서, Shin=신, Kwon=권, Hwang=황, Ahn=안, Song=송, Yoo=유, Hong=홍, Jeon=전, Ko=고, Moon=문, Yang=양,
Son=손, Bae=배, Baek=백, Heo=허, Nam=남, Noh=노""")
KR_ALT = {"Lee": ["Yi", "Rhee", "I"], "Park": ["Pak", "Bak"], "Choi": ["Choe"], "Jung": ["Jeong", "Chung"],
          "Cho": ["Jo"], "Yoon": ["Yun"], "Jang": ["Chang"], "Lim": ["Im"], "Ko": ["Go"], "Kim": ["Gim"]}
KR_SYLLABLES = _pairs("""Min=민, Jun=준, Seo=서, Ji=지, Hyun=현, Woo=우, Young=영, Soo=수, Jin=진, Ho=호, Yeon=연,
Eun=은, Hye=혜, Sung=성, Jae=재, Dong=동, Hoon=훈, Sang=상, Kyung=경, Chan=찬, Yu=유, Ha=하, Na=나, Bin=빈,
Won=원, Tae=태, Seung=승, Hee=희, Joo=주, Gyu=규""")

VN_SURNAMES = _plain("Nguyễn, Trần, Lê, Phạm, Hoàng, Huỳnh, Phan, Vũ, Võ, Đặng, Bùi, Đỗ, Hồ, Ngô, Dương, Lý, Đinh, Trương")
VN_MIDDLE = _split("Văn, Thị, Đức, Minh, Hữu, Quang, Thanh, Ngọc, Xuân, Công, Hoài, Thành")
VN_GIVEN = _plain("""Anh, Tuấn, Hùng, Dũng, Linh, Hương, Hà, Lan, Long, Nam, Phong, Quân, Sơn, Thảo, Trang, Trung, Việt,
Khoa, Hiếu, Duy, Huy, Khánh, Tâm, Thủy, Hải, Phúc, Bảo, Đạt, Thắng, Vy, Hòa, Mai, Ngân, Nhung, Tú, Tiến""")

IN_GIVEN = _plain("""Rahul, Amit, Rajesh, Suresh, Ramesh, Vijay, Sanjay, Anil, Sunil, Arun, Ajay, Deepak, Manoj,
Pradeep, Vikram, Ravi, Kiran, Srinivas, Venkatesh, Karthik, Arjun, Aditya, Rohit, Ankit, Abhishek, Nikhil,
Siddharth, Varun, Gaurav, Saurabh, Harsh, Akash, Vivek, Prashant, Sachin, Naveen, Ashwin, Vignesh, Santhosh,
Praveen, Mohan, Krishna, Shiva, Ganesh, Anand, Yash, Aarav, Ishaan, Rajat, Sumit, Pranav, Tarun, Harish, Dinesh,
Priya, Pooja, Neha, Anjali, Divya, Shreya, Swati, Kavya, Sneha, Aishwarya, Deepika, Lakshmi, Meera, Nisha, Ritu,
Sunita, Anita, Kavitha, Ananya, Aditi, Riya, Shruti, Pallavi, Harini, Sowmya, Bhavana, Preeti, Jyoti, Rekha""")
IN_SURNAMES = _plain("""Sharma, Kumar, Singh, Patel, Gupta, Shah, Reddy, Rao, Iyer, Nair, Menon, Pillai, Verma,
Mishra, Agarwal, Joshi, Mehta, Jain, Chopra, Malhotra, Kapoor, Bhat, Desai, Kulkarni, Patil, Deshpande,
Chatterjee, Banerjee, Mukherjee, Das, Ghosh, Bose, Sen, Dutta, Chakraborty, Roy, Srinivasan, Krishnan,
Subramanian, Raman, Natarajan, Venkataraman, Ramachandran, Balasubramanian, Murthy, Naidu, Chowdhury, Saxena,
Srivastava, Tiwari, Pandey, Dubey, Yadav, Chauhan, Rathore, Thakur, Bhatt, Trivedi, Pandya, Parikh, Kaur, Gill,
Sandhu, Sidhu, Dhillon, Ahmed, Khan, Hussain, Qureshi, Siddiqui, Sheikh, Ansari, Naik, Shetty, Hegde, Kamath,
Pai, Shenoy, Acharya, Prasad, Varma, Sinha, Jha, Thakkar, Bhattacharya, Ganguly, Sarkar, Mandal, Biswas,
George, Mathew, Varghese, Kurian, Joseph, Goyal, Bansal, Arora, Sethi, Ahuja""")
IN_TAIL = (
    _split("""Ana, Bala, Chandra, Deva, Gopal, Hari, Jaya, Kris, Lak, Madhu, Nara, Padma, Raghu, Rama, Sai, Shan, Siva,
    Sri, Subra, Sunda, Uma, Vasu, Venka, Vidya, Vishwa, Ar, Bhu, Dha, Gu, Ka, Ma, Pra, Sa, Ta, Ya"""),
    ["", "", "", "ma", "ra", "na", "ka", "di"],
    _split("""n, ram, raman, nathan, krishnan, murthy, swamy, rajan, moorthy, kumar, prasad, iah, appa, esan,
    alingam, an, deep, mani, wal, wala, kar, dekar, ani, ari, ia"""),
)
IN_NICK = {"Venkatesh": ["Venky"], "Srinivas": ["Srini", "Cheenu"], "Abhishek": ["Abhi"], "Siddharth": ["Sid"],
           "Aishwarya": ["Ash"], "Krishna": ["Kris"], "Subramanian": ["Subbu"], "Vignesh": ["Vicky"],
           "Pradeep": ["Pradz"], "Karthik": ["Kart"], "Prashant": ["Prash"]}

AR_GIVEN = _plain("""Mohammed, Ahmed, Ali, Omar, Youssef, Hassan, Hussein, Ibrahim, Khalid, Mahmoud, Mustafa,
Abdullah, Abdulrahman, Karim, Tariq, Hamza, Bilal, Samir, Walid, Nabil, Faisal, Rami, Ziad, Amr, Said, Hisham,
Osama, Adel, Yasser, Anas, Fatima, Aisha, Mariam, Nour, Layla, Yasmin, Sara, Huda, Rania, Amira, Salma, Dina,
Hana, Leila, Zainab, Reem, Reza, Mehdi, Amir, Saeed, Hamid, Arash, Babak, Kaveh, Dariush, Maryam, Zahra, Fatemeh,
Niloufar, Shirin, Parisa, Roya""")
AR_SURNAMES = _plain("""Al-Sayed, El-Sayed, Hassan, Hussein, Abdallah, Ibrahim, Mahmoud, Mostafa, Ali, Khalil,
Haddad, Khoury, Nasser, Saleh, Mansour, Aziz, Farouk, Habib, Hamdan, Issa, Jaber, Karam, Nassar, Qasim, Rahman,
Saad, Shaheen, Suleiman, Taha, Yousef, Zaki, El-Amin, Al-Hashimi, Al-Rashid, Bakr, Darwish, Fadel, Ghanem,
Hamad, Kassem, Mubarak, Othman, Sabbagh, Zaher, Benali, Bouazza, Belkacem, Mansouri, Amrani, El Idrissi,
Benjelloun, Alaoui, Bennani, Tazi, Ben Salah, Trabelsi, Jebali, Hosseini, Mohammadi, Ahmadi, Rezaei, Moradi,
Karimi, Hashemi, Jafari, Rahimi, Sadeghi, Ghorbani, Mousavi, Kazemi, Ebrahimi, Rostami, Tehrani, Shirazi""")
AR_TAIL = (
    _split("""Al-Ha, Al-Ma, Al-Na, Al-Sa, Al-Qa, Al-Ka, Al-Ra, Al-Za, El-Fa, El-Ja, Ben, Bou, Ha, Ma, Na, Sa, Ka, Ra,
    Far, Gol, Kha, Mir, Naj, Sal, Tah, Zar"""),
    ["", "", "", "ba", "da", "la", "ma"],
    _split("""shimi, sri, jjar, ttar, mmal, bbagh, ddad, rawi, dhri, ssar, lhi, khouri, i, zadeh, nejad, pour, ian,
    far, abadi, ani, oud, ami"""),
)
AR_ALT = {"Mohammed": ["Muhammad", "Mohamed", "Mohammad", "Mohamad"], "Ahmed": ["Ahmad"],
          "Youssef": ["Yusuf", "Yousef", "Youcef"], "Hussein": ["Husain", "Hussain", "Hosein"], "Omar": ["Umar"],
          "Mustafa": ["Mostafa", "Moustafa"], "Abdulrahman": ["Abdelrahman", "Abdul Rahman", "Abdel Rahman"],
          "Osama": ["Usama"], "Aisha": ["Ayesha", "Aicha"], "Fatima": ["Fatma"], "Said": ["Saeed"]}
AR_NICK = {"Mohammed": ["Mo", "Moe"], "Abdullah": ["Abdu"], "Ibrahim": ["Ibo"], "Mustafa": ["Mus"]}

TR_GIVEN = _plain("""Mehmet, Mustafa, Ahmet, Ali, Hüseyin, Hasan, İbrahim, İsmail, Osman, Yusuf, Murat, Ömer,
Ramazan, Halil, Süleyman, Abdullah, Mahmut, Salih, Kemal, Emre, Burak, Can, Cem, Barış, Oğuz, Serkan, Onur,
Tolga, Uğur, Gökhan, Çağrı, Fatma, Ayşe, Emine, Hatice, Zeynep, Elif, Meryem, Şerife, Zehra, Özlem, Gül, Deniz,
Ebru, Selin, Büşra, Merve, İrem""")
TR_SURNAMES = _plain("""Yılmaz, Kaya, Demir, Şahin, Çelik, Yıldız, Yıldırım, Öztürk, Aydın, Özdemir, Arslan, Doğan,
Kılıç, Aslan, Çetin, Kara, Koç, Kurt, Özkan, Şimşek, Polat, Özcan, Korkmaz, Çakır, Erdoğan, Yavuz, Can, Acar,
Şen, Aktaş, Güler, Yalçın, Güneş, Bozkurt, Bulut, Keskin, Ünal, Turan, Gül, Özer, Işık, Kaplan, Avcı, Sarı,
Tekin, Taş, Köse, Yüksel, Ateş, Aksoy""")
TR_TAIL = (
    _split("Ak, Kara, Öz, Gök, Er, Al, Ay, Kır, Tek, Dur, Ars, Bay, Çak, Gün, Kay, Tun, Uz, Yıl, Ka, Sev, Bil, Ten"),
    ["", "", "", "a", "ı", "e"],
    _split("soy, türk, kaya, demir, taş, er, han, oğlu, can, alp, gün, dağ, ay, göz, tepe, yurt, men, el, tan"),
)

HE_GIVEN = _plain("""Yosef, David, Moshe, Avraham, Yonatan, Noam, Itai, Omer, Eitan, Ariel, Daniel, Amit, Uri, Tal,
Noa, Tamar, Shira, Yael, Maya, Michal, Hila, Roni, Adi, Liat""")
HE_SURNAMES = _plain("""Cohen, Levi, Mizrahi, Peretz, Biton, Dahan, Avraham, Friedman, Katz, Azoulay, Ben-David, Malka,
Goldberg, Rosenberg, Shapiro, Levy, Kaplan, Segal, Weiss, Klein, Ben-Ami, Shalom, Amar, Ohana, Vaknin""")
HE_TAIL = (
    _split("Gold, Rosen, Silver, Green, Blum, Stern, Lieber, Fried, Wein, Eisen, Ben-, Bar-, Kor, Shar, Yar"),
    ["", "", "en", "a"],
    _split("berg, man, stein, feld, baum, blatt, thal, on, el, ov, ami, oz, dan, nir"),
)

AF_GIVEN = _plain("""Chinedu, Chukwuemeka, Emeka, Oluwaseun, Olumide, Tunde, Babatunde, Adebayo, Ayodele, Segun,
Femi, Ngozi, Chiamaka, Adaeze, Funmilayo, Yetunde, Kwame, Kofi, Kwabena, Ama, Akosua, Abena, Yaw, Kojo, Wanjiru,
Njeri, Wambui, Kamau, Otieno, Odhiambo, Kipchoge, Juma, Baraka, Amani, Tendai, Tafadzwa, Sipho, Thabo, Lerato,
Naledi, Bongani, Themba, Abebe, Tesfaye, Haile, Dawit, Selam, Meron, Mekdes, Yohannes, Moussa, Mamadou, Aminata,
Fatoumata, Ibrahima, Cheikh, Awa""")
AF_SURNAMES = _plain("""Okafor, Okonkwo, Eze, Nwosu, Adeyemi, Ogunleye, Adebayo, Oladipo, Balogun, Okeke, Ibrahim,
Bello, Mohammed, Abubakar, Mensah, Owusu, Boateng, Asante, Osei, Appiah, Agyeman, Darko, Kamau, Mwangi, Otieno,
Ochieng, Wanjiku, Kariuki, Njoroge, Mutua, Kiprop, Cheruiyot, Moyo, Ncube, Dlamini, Nkosi, Ndlovu, Khumalo,
Mokoena, Zulu, Tshabalala, Girma, Tadesse, Bekele, Alemu, Haile, Wolde, Mekonnen, Ndiaye, Diop, Diallo, Sow,
Traoré, Keïta, Coulibaly, Koné, Ouédraogo, Juma, Onyango, Achieng""")
AF_TAIL = (
    _split("O, A, E, Nwa, Ade, Olu, Chi, Oke, Ogu, Aki, Ba, Ka, Mu, Nja, Wa, Ki, Ama, Obi, Ofo, Ngu, Tse, Di"),
    ["", "", "", "la", "na", "ri", "si"],
    _split("nkwo, for, yemi, lade, wale, bunmi, gbemi, tunde, mba, nge, roge, nyi, tieno, amba, kwe, dipo, bo, mani, nda"),
)

GR_GIVEN = _plain("""Georgios, Dimitrios, Konstantinos, Ioannis, Nikolaos, Christos, Panagiotis, Vasileios, Athanasios,
Evangelos, Stavros, Kostas, Giorgos, Nikos, Yannis, Maria, Eleni, Katerina, Sofia, Angeliki, Dimitra, Georgia,
Vasiliki, Ioanna, Despina""")
GR_SURNAMES = _plain("""Papadopoulos, Papadakis, Georgiou, Nikolaou, Vlachos, Papageorgiou, Dimitriou, Oikonomou,
Konstantinou, Antoniou, Christodoulou, Ioannou, Karagiannis, Makris, Pappas, Alexiou, Athanasiou, Michailidis,
Papanikolaou, Triantafyllou, Economou, Angelopoulos, Kyriakou, Stavrou""")
GR_TAIL = (
    _split("Papa, Kara, Christo, Geor, Niko, Konsta, Anto, Vasi, Stavro, Dimi, Kyria, Lefte, Mano, Spiro, Theo"),
    ["", "", "", "ge", "la", "mi"],
    _split("poulos, kis, dis, idis, ou, atos, akis, opoulos, ides, lis, nas, tzis"),
)
GR_NICK = {"Konstantinos": ["Kostas", "Costas"], "Dimitrios": ["Dimitris", "Jim"], "Georgios": ["George", "Giorgos"],
           "Ioannis": ["Yannis", "John"], "Nikolaos": ["Nikos", "Nick"], "Vasileios": ["Vasilis", "Bill"],
           "Panagiotis": ["Panos"], "Evangelos": ["Vangelis"], "Athanasios": ["Thanos"]}

# Free mail providers: everybody's first, then each culture's own.
FREEMAIL_COMMON = ["gmail.com", "outlook.com", "hotmail.com", "yahoo.com", "protonmail.com", "icloud.com",
                   "live.com", "fastmail.com", "pm.me", "googlemail.com", "aol.com", "mailbox.org"]
FREEMAIL_LOCAL = {
    "en": ["yahoo.co.uk", "btinternet.com", "comcast.net", "hey.com"],
    "es": ["yahoo.es", "uol.com.br", "terra.com.br", "bol.com.br", "hotmail.es"],
    "fr": ["free.fr", "orange.fr", "laposte.net", "wanadoo.fr", "sfr.fr"],
    "de": ["gmx.de", "web.de", "posteo.de", "gmx.net", "t-online.de", "xs4all.nl", "kpnmail.nl", "iki.fi"],
    "it": ["libero.it", "tiscali.it", "alice.it"],
    "pl": ["wp.pl", "o2.pl", "seznam.cz", "centrum.cz", "freemail.hu"],
    "ru": ["yandex.ru", "mail.ru", "ya.ru", "rambler.ru", "ukr.net", "i.ua"],
    "cn": ["qq.com", "163.com", "126.com", "foxmail.com", "sina.com", "outlook.com"],
    "jp": ["yahoo.co.jp", "docomo.ne.jp", "nifty.com"],
    "kr": ["naver.com", "hanmail.net", "daum.net"],
    "vn": ["yahoo.com.vn"],
    "in": ["rediffmail.com", "yahoo.co.in"],
    "ar": ["yahoo.fr", "hotmail.fr"],
    "tr": ["yandex.com.tr", "hotmail.com.tr"],
    "he": ["walla.co.il"],
    "af": ["yahoo.co.uk"],
    "gr": ["yahoo.gr", "otenet.gr"],
}
COMPANIES = _split("""google.com, microsoft.com, redhat.com, ibm.com, intel.com, amazon.com, meta.com, apple.com,
nvidia.com, canonical.com, suse.com, mozilla.com, elastic.co, gitlab.com, github.com, datadoghq.com, shopify.com,
cloudflare.com, netflix.com, spotify.com, stripe.com, uber.com, airbnb.com, twitter.com, linkedin.com, oracle.com,
sap.com, siemens.com, bosch.com, ericsson.com, nokia.com, huawei.com, alibaba-inc.com, tencent.com, baidu.com,
bytedance.com, yandex-team.ru, jetbrains.com, atlassian.com, vmware.com, cisco.com, adobe.com, salesforce.com,
anaconda.com, quansight.com, enthought.com, continuum.io, databricks.com, confluent.io, hashicorp.com,
docker.com, tweag.io, collabora.com, igalia.com, linaro.org, arm.com, amd.com, qualcomm.com, samsung.com,
sony.com, rakuten.com, infosys.com, tcs.com, wipro.com, thoughtworks.com, accenture.com, capgemini.com""")
UNIVERSITIES = _split("""mit.edu, stanford.edu, berkeley.edu, cs.cmu.edu, cornell.edu, umich.edu, uw.edu,
princeton.edu, harvard.edu, nyu.edu, columbia.edu, gatech.edu, illinois.edu, utexas.edu, ucsd.edu, ox.ac.uk,
cam.ac.uk, ucl.ac.uk, imperial.ac.uk, ed.ac.uk, manchester.ac.uk, ethz.ch, epfl.ch, tum.de, kit.edu,
uni-heidelberg.de, fu-berlin.de, tu-berlin.de, rwth-aachen.de, inria.fr, ens.fr, polytechnique.edu,
sorbonne-universite.fr, kth.se, chalmers.se, helsinki.fi, aalto.fi, tudelft.nl, uva.nl, ku.dk, uio.no,
unimi.it, polimi.it, uam.es, upm.es, usp.br, unicamp.br, unam.mx, uba.ar, tsinghua.edu.cn, pku.edu.cn,
zju.edu.cn, fudan.edu.cn, sjtu.edu.cn, ustc.edu.cn, u-tokyo.ac.jp, kyoto-u.ac.jp, snu.ac.kr, kaist.ac.kr,
iitb.ac.in, iitd.ac.in, iisc.ac.in, iitm.ac.in, nus.edu.sg, ntu.edu.sg, anu.edu.au, unimelb.edu.au,
utoronto.ca, mcgill.ca, ubc.ca, uct.ac.za, uonbi.ac.ke, cu.edu.eg, aub.edu.lb, sharif.edu, technion.ac.il,
huji.ac.il, boun.edu.tr, metu.edu.tr, msu.ru, spbu.ru, hse.ru, knu.ua, uw.edu.pl, cvut.cz, elte.hu, ntua.gr""")
CULTURE_COMPANIES = {"cn": ["alibaba-inc.com", "tencent.com", "baidu.com", "bytedance.com", "huawei.com"],
                     "ru": ["yandex-team.ru", "jetbrains.com", "kaspersky.com"], "in": ["infosys.com", "tcs.com", "wipro.com"],
                     "jp": ["sony.com", "rakuten.com", "cybozu.co.jp"], "kr": ["samsung.com", "navercorp.com"]}
ADJECTIVES = _split("""quiet, dark, bright, swift, lazy, happy, silent, cosmic, rusty, little, crazy, brave, clever,
fuzzy, red, blue, green, golden, iron, neon, pixel, byte, null, wild, lone, cyber, retro, mellow, nimble, lucky,
sleepy, grumpy, frozen, hidden, electric, binary, quantum, atomic, spicy, salty""")
NOUNS = _split("""fox, wolf, owl, cat, dog, bear, tiger, panda, otter, raven, falcon, dragon, ninja, wizard, coder,
hacker, pilot, ranger, monk, knight, pirate, robot, ghost, shadow, storm, river, mountain, forest, star, moon,
comet, rocket, penguin, koala, lemur, badger, beaver, moose, squid, kraken, phoenix, yeti, mango, pickle, taco,
noodle, bagel, waffle, cookie, pepper, cactus, maple, willow, ember, spark, bit, stack, kernel, shell, lambda""")
HOSTNAMES = _split("""laptop, desktop, thinkpad, macbook, MacBook-Pro, MacBook-Air, ubuntu, debian, arch, fedora, pc,
workstation, devbox, dev, home, air, mbp, imac, xps, vm, box, linux, tower, nuc, raspberrypi""")
PLACEHOLDER_DISPLAY = ["Your Name", "root", "unknown", "ubuntu", "user", "Administrator", "test", "me", "Name"]
# Addresses not personal to anyone (is_personal_email rejects them), with how common each is.
RELAYS = ["noreply@weblate.org", "you@example.com", "none@none", "devnull@localhost", "noreply@github.com",
          "no-reply@sourceforge.net", "noreply@launchpad.net", "nobody@nowhere.invalid", "root@localhost",
          "user@example.com", "unknown@unknown", "git@localhost"]
RELAY_PICK = Zipf(RELAYS, 1.0)


class Culture:
    __slots__ = ("code", "given", "given_f", "surnames", "tail", "tail_share", "nick", "alt", "family_first",
                 "native_share", "middle_share", "freemail")

    def __init__(self, code, given, surnames, tail=None, tail_share=0.0, nick=None, alt=None, family_first=0.0,
                 native_share=0.0, middle_share=0.0, given_f=None, given_s=0.5, surname_s=0.6):
        self.code = code
        self.given = Zipf(given, given_s) if given else None
        self.given_f = Zipf(given_f, given_s) if given_f else None
        self.surnames = Zipf(surnames, surname_s) if surnames else None
        self.tail, self.tail_share = tail, tail_share
        self.nick, self.alt = nick or {}, alt or {}
        self.family_first, self.native_share, self.middle_share = family_first, native_share, middle_share
        self.freemail = Zipf(FREEMAIL_COMMON[:4] + FREEMAIL_LOCAL.get(code, []) + FREEMAIL_COMMON[4:], 1.1)


CULTURES = [  # (share of people, culture); surname_s and tail_share put the commonest surname near its real share
    (0.20, Culture("en", EN_GIVEN, EN_SURNAMES, EN_TAIL, 0.80, EN_NICK, middle_share=0.35, surname_s=0.6)),  # Smith ~1 %
    (0.09, Culture("es", ES_GIVEN, ES_SURNAMES, ES_TAIL, 0.50, ES_NICK, middle_share=0.25, surname_s=0.7)),
    (0.05, Culture("fr", FR_GIVEN, FR_SURNAMES, FR_TAIL, 0.80, FR_NICK, middle_share=0.10, surname_s=0.6)),
    (0.09, Culture("de", DE_GIVEN, DE_SURNAMES, DE_TAIL, 0.70, DE_NICK, middle_share=0.15, surname_s=0.5)),
    (0.03, Culture("it", IT_GIVEN, IT_SURNAMES, IT_TAIL, 0.70, IT_NICK, middle_share=0.05, surname_s=0.5)),
    (0.04, Culture("pl", PL_GIVEN, PL_SURNAMES, PL_TAIL, 0.65, PL_NICK, middle_share=0.05, surname_s=0.5)),
    (0.06, Culture("ru", RU_GIVEN_M, RU_SURNAMES, RU_TAIL, 0.60, RU_NICK, RU_ALT, native_share=0.25,
                   given_f=RU_GIVEN_F, family_first=0.08, surname_s=0.5)),
    (0.12, Culture("cn", None, CN_SURNAMES, family_first=0.25, native_share=0.2, surname_s=0.7)),  # Wang, Li ~8 %
    (0.03, Culture("jp", JP_GIVEN, JP_SURNAMES, JP_PARTS, 0.70, family_first=0.3, native_share=0.12, surname_s=0.5)),
    (0.02, Culture("kr", None, KR_SURNAMES, alt=KR_ALT, family_first=0.3, native_share=0.1, surname_s=1.0)),  # Kim ~25 %
    (0.02, Culture("vn", VN_GIVEN, VN_SURNAMES, family_first=0.5, middle_share=0.6, surname_s=1.3)),  # Nguyen ~35 %
    (0.12, Culture("in", IN_GIVEN, IN_SURNAMES, IN_TAIL, 0.40, IN_NICK, middle_share=0.12, surname_s=0.7)),
    (0.04, Culture("ar", AR_GIVEN, AR_SURNAMES, AR_TAIL, 0.60, AR_NICK, AR_ALT, middle_share=0.15, surname_s=0.6)),
    (0.02, Culture("tr", TR_GIVEN, TR_SURNAMES, TR_TAIL, 0.45, surname_s=0.6)),
    (0.01, Culture("he", HE_GIVEN, HE_SURNAMES, HE_TAIL, 0.60, surname_s=0.5)),
    (0.04, Culture("af", AF_GIVEN, AF_SURNAMES, AF_TAIL, 0.60, middle_share=0.10, surname_s=0.5)),
    (0.02, Culture("gr", GR_GIVEN, GR_SURNAMES, GR_TAIL, 0.60, GR_NICK, surname_s=0.5)),
]
_CULTURE_CUM = list(accumulate(w for w, _ in CULTURES))


# -- helpers ----------------------------------------------------------------------------------

_FOLD_EXTRA = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "ß": "ss", "đ": "d",
                             "Đ": "D", "ı": "i", "œ": "oe", "Œ": "Oe", "þ": "th", "ð": "d"})


def strip_accents(text: str) -> str:
    """Accents dropped the way people do it by hand (Jérôme -> Jerome, Łukasz -> Lukasz)."""
    text = text.translate(_FOLD_EXTRA)
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


_NON_ALNUM = re.compile(r"[^a-z0-9]")


def slug(text: str) -> str:
    return _NON_ALNUM.sub("", strip_accents(text).lower())


def _pick(rng: random.Random, weighted: list[tuple[str, float]]) -> str:
    total = sum(w for _, w in weighted)
    x = rng.random() * total
    for item, w in weighted:
        x -= w
        if x < 0:
            return item
    return weighted[-1][0]


def _typo(rng: random.Random, word: str) -> str:
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 1)
    kind = rng.random()
    if kind < 0.4:  # swapped letters
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind < 0.7:  # a letter dropped
        return word[:i] + word[i + 1:]
    return word[:i] + word[i] + word[i:]  # a letter doubled


class Person:
    __slots__ = ("culture", "given", "given_native", "given_syll", "middle", "surname", "surname2",
                 "surname_native", "nick", "alt_given", "canonical", "handle", "login", "gh_id", "addresses",
                 "unix", "bot", "alt_surname", "native_canon")

    def __init__(self):
        self.given = self.given_native = self.middle = self.surname = self.surname2 = self.surname_native = ""
        self.given_syll: list[str] = []
        self.nick = ""
        self.alt_given: list[str] = []
        self.alt_surname: list[str] = []
        self.native_canon = False
        self.canonical = self.handle = self.login = self.unix = ""
        self.gh_id = 0
        self.addresses: list[str] = []
        self.bot = False
        self.culture = None


class _World:
    """Global uniqueness: one GitHub login, one personal address per human."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.logins: set[str] = set()
        self.addresses: set[str] = set()
        self.next_gh_id = 1000
        self.small_companies = self._small_companies()
        self.company_pick = Zipf(COMPANIES + self.small_companies, 0.9)
        self.uni_pick = Zipf(UNIVERSITIES + [f"uni-{slug(w)}.de" for w in DE_TAIL[0]]
                             + [f"{slug(w)}.edu" for w in EN_TAIL[0]], 0.8)
        self.bot_domains: set[str] = set()

    def _small_companies(self) -> list[str]:
        rng = self.rng
        out = []
        tlds = ["io", "com", "dev", "ai", "co", "net", "org", "tech", "de", "fr", "nl", "co.uk", "com.br", "in"]
        for _ in range(6000):
            name = rng.choice(ADJECTIVES + NOUNS) + rng.choice(["", "", "-", ""]) + rng.choice(
                NOUNS + ["labs", "soft", "works", "systems", "data", "cloud", "hq", "ware", "tech"])
            out.append(f"{name}.{rng.choice(tlds)}")
        return list(dict.fromkeys(out))

    def gh_id_for(self) -> int:
        self.next_gh_id += self.rng.randrange(1, 300)
        while self.next_gh_id in _APP_IDS:  # an account number is one account
            self.next_gh_id += self.rng.randrange(1, 300)
        return self.next_gh_id

    def unique_login(self, base: str) -> str:
        base = base.strip("-")[:39] or "user"
        login = base
        rng = self.rng
        while login.lower() in self.logins:
            style = rng.random()
            if style < 0.6:
                login = f"{base}{rng.randrange(1, 100 if style < 0.3 else 10000)}"
            elif style < 0.8:
                login = f"{base}-{rng.choice(['dev', 'code', 'gh', 'git', 'x', 'io', 'hub', 'py'])}"
            else:
                login = f"{base}{rng.choice(['_', ''])}{rng.randrange(1960, 2010)}".replace("_", "-")
        self.logins.add(login.lower())
        return login

    def unique_address(self, local: str, domain: str) -> str:
        local = local.strip(".-_") or "x"
        addr = f"{local}@{domain}"
        rng = self.rng
        while addr.lower() in self.addresses:
            addr = f"{local}{rng.randrange(1, 1000)}@{domain}"
        self.addresses.add(addr.lower())
        return addr


# -- people -----------------------------------------------------------------------------------

def _surname(rng: random.Random, c: Culture) -> tuple[str, str]:
    """(Latin, native) surname."""
    if c.tail and rng.random() < c.tail_share:
        if c.code == "jp":  # two Kanji parts: Yama + moto = Yamamoto
            (l1, n1), (l2, n2) = rng.choice(c.tail), rng.choice(c.tail)
            return (l1 + l2.lower()).capitalize(), n1 + n2
        a, b, d = c.tail
        if c.code == "ru":  # built in Cyrillic, transliterated
            native = rng.choice(a) + rng.choice(b) + rng.choice(d)
            return _latin_of_cyrillic(native), native
        mid = rng.choice(b)
        second = rng.choice(a).lower().rstrip("-") if rng.random() < 0.25 else ""
        return (rng.choice(a) + mid + second + rng.choice(d)).replace("--", "-"), ""
    return c.surnames.draw(rng)


def make_person(rng: random.Random, world: _World) -> Person:
    c = CULTURES[bisect.bisect_right(_CULTURE_CUM, rng.random() * _CULTURE_CUM[-1])][1]
    p = Person()
    p.culture = c
    female = rng.random() < 0.3
    if c.code == "cn":
        chars = [CN_CHARS.draw(rng) for _ in range(1 if rng.random() < 0.25 else 2)]
        p.given_syll = [ch[0] for ch in chars]
        p.given = "".join(p.given_syll).capitalize()
        p.given_native = "".join(ch[1] for ch in chars)
        p.surname, p.surname_native = c.surnames.draw(rng)
        if rng.random() < 0.25:
            p.nick = rng.choice(CN_ENGLISH)
    elif c.code == "kr":
        sylls = [rng.choice(KR_SYLLABLES), rng.choice(KR_SYLLABLES)]
        p.given_syll = [s[0] for s in sylls]
        p.given = p.given_syll[0] + p.given_syll[1].lower()
        p.given_native = sylls[0][1] + sylls[1][1]
        p.surname, p.surname_native = c.surnames.draw(rng)
        p.alt_given = [f"{p.given_syll[0]}-{p.given_syll[1].lower()}", f"{p.given_syll[0]} {p.given_syll[1]}"]
        if rng.random() < 0.2:
            p.nick = rng.choice(CN_ENGLISH)
    else:
        pool = c.given_f if (female and c.given_f) else c.given
        p.given, p.given_native = pool.draw(rng)
        p.surname, p.surname_native = _surname(rng, c)
        if c.code == "ru" and female and p.surname.endswith(("ov", "ev", "in", "yov")):
            p.surname += "a"
            p.surname_native += "а"
        if c.code == "es" and rng.random() < 0.4:
            p.surname2 = _surname(rng, c)[0]
        if c.code == "vn":
            p.middle = rng.choice(VN_MIDDLE)
        elif rng.random() < c.middle_share:
            p.middle = pool.draw(rng)[0]
            if c.code == "in" and rng.random() < 0.5:
                p.middle = p.middle[0]  # "K. Srinivasan": an initial
        nicks = c.nick.get(p.given)
        if nicks and rng.random() < 0.5:
            p.nick = rng.choice(nicks)
        p.alt_given = c.alt.get(p.given, [])
    if c.code == "kr":
        p.alt_surname = KR_ALT.get(p.surname, [])
    # the canonical written form
    g, s = p.given, p.surname + (" " + p.surname2 if p.surname2 else "")
    r = rng.random()
    if p.given_native and p.surname_native and r < c.native_share:
        p.native_canon = True
        if c.code in ("cn", "jp", "kr"):
            p.canonical = p.surname_native + p.given_native
        else:
            p.canonical = f"{p.given_native} {p.surname_native}"
    elif rng.random() < c.family_first:
        p.canonical = f"{s} {p.middle + ' ' if c.code == 'vn' else ''}{g}".replace("  ", " ")
    elif c.code == "vn":
        p.canonical = f"{g} {strip_accents(p.surname)}" if rng.random() < 0.5 else f"{g} {p.surname}"
    else:
        p.canonical = f"{g} {s}"
        if p.middle and rng.random() < 0.3:
            p.canonical = f"{g} {p.middle}{'.' if len(p.middle) == 1 else ''} {s}"
    # handles
    gl, sl = slug(g), slug(p.surname)
    if c.code == "cn" and len(p.given_syll) > 1 and rng.random() < 0.4:
        base = _pick(rng, [("".join(x[0] for x in p.given_syll) + sl, 3), (sl + "".join(x[0] for x in p.given_syll), 1),
                           (sl + gl, 2)])
    else:
        base = _pick(rng, [
            (gl + sl, 14), (gl[:1] + sl, 14), (gl + sl[:1], 4), (sl + gl, 3), (sl + gl[:1], 4), (gl, 8),
            (f"{gl}{sl}{rng.randrange(1, 100)}", 6), (f"{gl}{rng.randrange(1, 10000)}", 7),
            (f"{rng.choice(ADJECTIVES)}{rng.choice(NOUNS)}{rng.choice(['', '', str(rng.randrange(1, 1000))])}", 20),
            (slug(p.nick) + (sl if rng.random() < 0.5 else str(rng.randrange(1, 100))) if p.nick else gl + sl, 3),
            (f"{gl[:1]}{sl[:1]}{rng.randrange(10, 2000)}", 3), (f"{g}{p.surname}".replace(" ", ""), 4),
            (f"{gl}-{sl}", 4), (sl, 3), (f"{gl}.{sl}", 2),
        ])
    base = re.sub(r"[^A-Za-z0-9-]", "", strip_accents(base)) or gl or "user"
    p.handle = base
    if rng.random() < 0.65:
        p.login = world.unique_login(base)
        p.gh_id = world.gh_id_for()
        p.handle = p.login
    p.unix = _pick(rng, [(gl or "user", 5), (slug(p.handle), 4), (gl[:1] + sl, 2), ("user", 1)])[:32]
    return p


def new_address(rng: random.Random, world: _World, p: Person, kind: str = "") -> str:
    """A new address of this person (free mail, work, university, GitHub noreply, own domain)."""
    c = p.culture
    gl, sl = slug(p.given), slug(p.surname)
    if not kind:
        kind = _pick(rng, [("freemail", 40), ("work", 25), ("uni", 12), ("noreply", 14 if p.login else 0), ("own", 4)])
    if kind == "noreply":
        if not p.login:
            kind = "freemail"
        elif rng.random() < 0.8:
            return f"{p.gh_id}+{p.login}@users.noreply.github.com"
        else:
            return f"{p.login}@users.noreply.github.com"
    name_local = _pick(rng, [(f"{gl}.{sl}", 30), (f"{gl}{sl}", 12), (f"{gl[:1]}{sl}", 12), (f"{gl}_{sl}", 4),
                             (gl, 6), (slug(p.handle), 25), (f"{sl}.{gl}", 3), (f"{gl}.{sl}{rng.randrange(1, 100)}", 8)])
    if kind == "freemail":
        return world.unique_address(name_local, c.freemail.draw(rng))
    if kind == "work":
        local = _pick(rng, [(f"{gl}.{sl}", 40), (f"{gl[:1]}{sl}", 25), (gl, 15), (f"{gl}{sl[:1]}", 5),
                            (f"{gl}_{sl}", 5), (slug(p.handle), 10)])
        domain = (rng.choice(CULTURE_COMPANIES[c.code]) if c.code in CULTURE_COMPANIES and rng.random() < 0.4
                  else world.company_pick.draw(rng))
        return world.unique_address(local or "dev", domain)
    if kind == "uni":
        local = _pick(rng, [(f"{gl}.{sl}", 35), (f"{gl[:1]}{sl}", 25), (f"{sl}", 10),
                            (f"{gl[:1]}{sl[:1]}{rng.randrange(100, 10000)}", 15), (f"s{rng.randrange(10**6, 10**7)}", 15)])
        domain = world.uni_pick.draw(rng)
        if rng.random() < 0.3:
            domain = f"{rng.choice(['cs', 'math', 'phys', 'stat', 'student', 'mail', 'ee', 'bio'])}.{domain}"
        return world.unique_address(local or "student", domain)
    # own domain: jane@janedoe.dev, mail@jdoe.io
    own = f"{gl}{sl}" if rng.random() < 0.5 else slug(p.handle)
    local = rng.choice(["", "mail", "me", "hello", "git", "contact", gl, gl])
    return world.unique_address(local or gl or "me", f"{own}.{rng.choice(['dev', 'io', 'net', 'org', 'com', 'me', 'name'])}")


def host_address(rng: random.Random, p: Person) -> str:
    unix = p.unix or "user"
    host = rng.choice(HOSTNAMES)
    if rng.random() < 0.4:
        host = f"{unix}-{host}" if rng.random() < 0.6 else f"{p.given}s-{host}"
    host = re.sub(r"[^A-Za-z0-9-]", "", strip_accents(host)) or "host"
    return _pick(rng, [(f"{unix}@{host}.local", 35), (f"{unix}@{host}.(none)", 25), (f"{unix}@{host}", 15),
                       (f"{unix}@localhost", 10), (f"root@{host}", 8), (f"{unix}@{host}.localdomain", 7)])


def name_variant(rng: random.Random, p: Person) -> str:
    """One way this person writes their name."""
    c = p.culture
    g, s, canon = p.given, p.surname, p.canonical
    full_s = s + (" " + p.surname2 if p.surname2 else "")
    kinds = [("canonical", 50), ("lower", 5), ("upper", 1), ("initial", 5), ("swapped", 4), ("typo", 2),
             ("handle", 3), ("given_only", 1)]
    if p.middle:
        kinds += [("middle", 5), ("middle_initial", 4), ("no_middle", 4)]
    if not p.native_canon and strip_accents(canon) != canon:
        kinds.append(("ascii", 10))
    if p.nick:
        kinds += [("nick_paren", 3), ("nick_first", 3)]
    if p.given_native and p.surname_native:
        kinds += [("native", 5), ("latin", 8)]
    if p.alt_given:
        kinds.append(("alt", 5))
    if p.surname2:
        kinds.append(("one_surname", 10))
    if p.alt_surname:
        kinds.append(("alt_surname", 6))
    if p.given_syll and len(p.given_syll) > 1:
        kinds.append(("syllables", 4))
    kind = _pick(rng, kinds)
    if kind == "canonical":
        return canon
    if kind == "lower":
        return canon.lower()
    if kind == "upper":
        return canon.upper() if rng.random() < 0.5 else f"{g} {full_s.upper()}"
    if kind == "initial":
        i = strip_accents(g)[:1]
        return _pick(rng, [(f"{i}. {full_s}", 4), (f"{i} {full_s}", 3), (f"{i}.{s}", 1), (f"{full_s} {i}", 1),
                           (f"{i}. {p.middle[:1]}. {s}" if p.middle else f"{i}. {s}", 1)])
    if kind == "swapped":
        return f"{full_s} {g}" if rng.random() < 0.5 else f"{full_s}, {g}"
    if kind == "typo":
        return f"{_typo(rng, g)} {full_s}" if rng.random() < 0.5 else f"{g} {_typo(rng, s)}"
    if kind == "handle":
        return p.handle if rng.random() < 0.7 else p.handle.lower()
    if kind == "given_only":
        return g
    if kind == "middle":
        return f"{g} {p.middle} {full_s}"
    if kind == "middle_initial":
        return f"{g} {p.middle[:1]}. {full_s}"
    if kind == "no_middle":
        return f"{g} {full_s}"
    if kind == "ascii":
        return strip_accents(canon)
    if kind == "nick_paren":
        return f"{g} ({p.nick}) {full_s}" if rng.random() < 0.7 else f"{p.nick} ({g} {full_s})"
    if kind == "nick_first":
        return f"{p.nick} {full_s}"
    if kind == "native":
        if c.code in ("cn", "jp", "kr"):
            return p.surname_native + (" " if rng.random() < 0.15 else "") + p.given_native
        return f"{p.given_native} {p.surname_native}"
    if kind == "latin":
        return f"{g} {s}" if rng.random() < 0.7 else f"{s} {g}"
    if kind == "alt":
        return f"{rng.choice(p.alt_given)} {full_s}"
    if kind == "one_surname":
        return f"{g} {s}"
    if kind == "alt_surname":
        return f"{g} {rng.choice(p.alt_surname)}"
    if kind == "syllables":
        sy = p.given_syll
        return _pick(rng, [(f"{sy[0]}-{sy[1].lower()} {s}", 2), (f"{sy[0]} {sy[1].capitalize()} {s}", 2),
                           (f"{s} {sy[0]} {sy[1].capitalize()}", 1), (f"{g} {s.upper()}", 1)])
    return canon


def person_identities(rng: random.Random, world: _World, p: Person, k: int) -> list[tuple[str, str, str, str]]:
    """k identities (source, name, email, username) of one human, all different."""
    out: list[tuple[str, str, str, str]] = []
    seen = set()
    has_github = False

    def address(fresh: bool) -> str:
        if p.addresses and not fresh:
            return rng.choice(p.addresses)
        a = new_address(rng, world, p, "" if p.addresses else _pick(rng, [
            ("freemail", 50), ("work", 24), ("uni", 10), ("noreply", 12 if p.login else 0), ("own", 4)]))
        p.addresses.append(a)
        return a

    first = True
    tries = 0
    while len(out) < k and tries < 4 * k + 4:
        tries += 1
        if first:
            kind = _pick(rng, [("git", 88), ("github", 5 if p.login else 0), ("placeholder", 3), ("host", 2),
                               ("placeholder_name", 1), ("forum", 1)])
        else:
            kind = _pick(rng, [("alt_address", 30), ("same_address", 15), ("github", 16 if p.login else 0),
                               ("noreply", 12 if p.login else 0), ("host", 6), ("placeholder", 8),
                               ("handle_name", 7), ("placeholder_name", 2), ("forum", 2), ("mail", 2)])
        src, name, email, user = "git", name_variant(rng, p), "", ""
        if kind == "git":
            name, email = p.canonical if rng.random() < 0.8 else name, address(True)
        elif kind == "alt_address":
            email = address(True)
        elif kind == "same_address":
            email = address(False)
        elif kind == "github":
            if has_github:
                continue
            has_github = True
            src, user = "github", p.login
            name = "" if rng.random() < 0.3 else name
            email = rng.choice(p.addresses) if p.addresses and rng.random() < 0.2 else ""
        elif kind == "noreply":
            email = new_address(rng, world, p, "noreply")
            p.addresses.append(email)
        elif kind == "host":
            email = host_address(rng, p)
            if rng.random() < 0.4:
                name = p.unix
        elif kind == "placeholder":
            email = _pick(rng, [("", 40), ("relay", 45), ("(none)", 8), ("host", 7)])
            if email == "relay":
                email = RELAY_PICK.draw(rng)
            elif email == "host":
                email = host_address(rng, p)
            if rng.random() < 0.25:
                name = p.handle
        elif kind == "handle_name":
            name = p.handle if rng.random() < 0.6 else (p.login or p.unix or p.handle)
            email = address(rng.random() < 0.5)
        elif kind == "placeholder_name":
            name = rng.choice(PLACEHOLDER_DISPLAY)
            email = address(rng.random() < 0.3)
        elif kind == "forum":
            src, user = "forum", (p.handle if rng.random() < 0.7 else slug(p.given) + str(rng.randrange(1, 100)))
            name = name if rng.random() < 0.6 else ""
        elif kind == "mail":
            src = "mail"
            email = address(rng.random() < 0.3)
        ident = (src, name, email, user)
        if ident in seen:
            continue
        seen.add(ident)
        out.append(ident)
        first = False
    return out


# -- bots -------------------------------------------------------------------------------------

GITHUB_APPS = [("dependabot[bot]", 49699333, "Dependabot", "support@dependabot.com"),
               ("github-actions[bot]", 41898282, "GitHub Actions", "actions@github.com"),
               ("pre-commit-ci[bot]", 66853113, "pre-commit.ci", ""),
               ("renovate[bot]", 29139614, "Renovate Bot", "bot@renovateapp.com"),
               ("dependabot-preview[bot]", 27856297, "Dependabot Preview", "support@dependabot.com"),
               ("codecov[bot]", 22429695, "Codecov", ""), ("allcontributors[bot]", 46447321, "All Contributors", ""),
               ("mergify[bot]", 37929162, "Mergify", "noreply@mergify.io"),
               ("greenkeeper[bot]", 23040076, "Greenkeeper", "support@greenkeeper.io"),
               ("imgbot[bot]", 31427850, "ImgBot", "imgbot@users.noreply.github.com"),
               ("snyk-bot", 19733683, "Snyk bot", "snyk-bot@snyk.io"),
               ("weblate", 1607653, "Weblate (bot)", "noreply@weblate.org")]


_APP_IDS = frozenset(gh_id for _, gh_id, _, _ in GITHUB_APPS)


def bot_identities(rng: random.Random, world: _World, index: int, k: int) -> list[tuple[str, str, str, str, bool]]:
    """k identities of one bot: a GitHub app, a project's bot or a CI account."""
    if index < len(GITHUB_APPS):
        login, gh_id, display, mail = GITHUB_APPS[index]
        cands = [("git", login, f"{gh_id}+{login}@users.noreply.github.com", "", False),
                 ("github", "", "", login, True), ("git", display, f"{gh_id}+{login}@users.noreply.github.com", "", False),
                 ("git", display, mail, "", False), ("git", login, f"{login}@users.noreply.github.com", "", False),
                 ("git", login.replace("[bot]", ""), mail or f"{login}@users.noreply.github.com", "", False)]
        return cands[:k]
    project = rng.choice(ADJECTIVES + NOUNS) + rng.choice(["", "py", "js", "-rs", "db", "kit", "lab", "hub", ""])
    domain = f"{project}.{rng.choice(['org', 'io', 'dev', 'com'])}"
    while domain in world.bot_domains:  # one project, one bot of each kind
        project += str(rng.randrange(10))
        domain = f"{project}.{domain.rpartition('.')[2]}"
    world.bot_domains.add(domain)
    style = rng.random()
    if style < 0.55:  # a project bot
        login = world.unique_login(f"{project}-bot" if rng.random() < 0.6 else f"{project}bot")
        gh_id = world.gh_id_for()
        cands = [("git", login, f"{gh_id}+{login}@users.noreply.github.com", "", False),
                 ("github", "", "", login, rng.random() < 0.5),
                 ("git", f"{project.capitalize()} Bot", f"bot@{domain}", "", False),
                 ("git", login, f"{login}@{domain}", "", False),
                 ("git", f"{project} CI", f"ci@{domain}", "", False),
                 ("git", f"{project.capitalize()} Release Bot", f"release-bot@{domain}", "", False)]
    else:  # a CI account
        company = world.company_pick.draw(rng)
        name = rng.choice(["Jenkins", "jenkins", "CI", "Build Bot", "buildbot", "Travis CI", "GitLab CI",
                           "Azure Pipelines", "Automated Release", "Release Manager", "Auto Merger", "CircleCI"])
        base = slug(name) or "ci"
        team = rng.choice(["", "", "build", "infra", "release", "platform", "qa", "data", "web", "mobile"])
        local = f"{base}-{team}" if team else base
        cands = [("git", name, world.unique_address(local, company), "", False),
                 ("git", name, world.unique_address(local, f"build.{company}"), "", False),
                 ("git", name, f"{base}@{rng.choice(HOSTNAMES)}-{rng.randrange(1, 999)}", "", False),
                 ("git", name.lower(), world.unique_address(f"ci-{team or base}", company), "", False),
                 ("git", f"{name} ({company})", f"noreply@{company}", "", False), ("git", name, "", "", False)]
    rng.shuffle(cands)
    return cands[:k]


# -- the community ----------------------------------------------------------------------------

IDENTITIES_PER_PERSON = [(1, 50), (2, 25), (3, 13), (4, 7), (5, 5)]
BOT_SHARE = 0.008  # of people (bots have more identities than people on average: ~1 % of identities)
TEAM_SHARE = 0.002  # of people with an identity on a team address shared by several humans


def generate(n: int, seed: int = 1) -> tuple[list[Record], dict[int, int]]:
    """``n`` identities as the importer leaves them, and the truth: identity id -> human."""
    rng = random.Random(seed)
    world = _World(rng)
    rows: list[tuple[int, tuple]] = []  # (true person, (source, name, email, username, is_bot))
    sizes = [k for k, _ in IDENTITIES_PER_PERSON]
    size_cum = list(accumulate(w for _, w in IDENTITIES_PER_PERSON))
    person = 0
    bots = 0
    team: list[tuple[str, int]] = []  # team addresses and how many more humans may use each
    while len(rows) < n:
        person += 1
        k = sizes[bisect.bisect_right(size_cum, rng.random() * size_cum[-1])]
        if rng.random() < BOT_SHARE:
            for ident in bot_identities(rng, world, bots, k):
                rows.append((person, ident))
            bots += 1
            continue
        p = make_person(rng, world)
        idents = person_identities(rng, world, p, k)
        if rng.random() < TEAM_SHARE:  # one more identity, on a team address shared with colleagues
            if not team or rng.random() < 0.35:
                domain = world.company_pick.draw(rng)
                team.append((f"{rng.choice(['team', 'dev', 'devs', 'engineering', 'oss', 'lab'])}@{domain}",
                             rng.randrange(2, 6)))
            i = rng.randrange(len(team))
            addr, left = team[i]
            idents.append(("git", name_variant(rng, p), addr, ""))
            if left <= 1:
                team.pop(i)
            else:
                team[i] = (addr, left - 1)
        for src, name, email, user in idents:
            rows.append((person, (src, name, email, user, False)))
    del rows[n:]
    rng.shuffle(rows)  # ids in import order: one person's identities arrive at different times
    records: list[Record] = []
    truth: dict[int, int] = {}
    first_with: dict[str, int] = {}
    for i, (true_person, (src, name, email, user, bot)) in enumerate(rows, start=1):
        owner = i
        key = email_key(email)
        if key and is_personal_email(key):
            owner = first_with.setdefault(key, i)
        records.append(Record(id=i, person=owner, name=name, email=email, username=user, source=src, is_bot=bot))
        truth[i] = true_person
    return records, truth


def describe(records: list[Record], truth: dict[int, int]) -> dict:
    """Counts that say what the data looks like (for the benchmark's report)."""
    per_person = Counter(Counter(truth.values()).values())
    emails = Counter(email_key(r.email) for r in records)
    return {
        "identities": len(records),
        "people": len(set(truth.values())),
        "importer_people": len({r.person for r in records}),
        "identities_per_person": {str(k): per_person[k] for k in sorted(per_person)},
        "sources": dict(Counter(r.source for r in records).most_common()),
        "empty_email": sum(1 for r in records if not r.email),
        "non_personal_email": sum(1 for r in records if r.email and not is_personal_email(r.email)),
        "github_noreply_email": sum(1 for r in records if r.email.endswith("@users.noreply.github.com")),
        "most_shared_addresses": [(a, c) for a, c in emails.most_common(7) if a][:6],
        "distinct_names": len({r.name for r in records}),
        "non_ascii_names": sum(1 for r in records if not r.name.isascii()),
    }


if __name__ == "__main__":
    import json
    import sys
    import time

    size = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    t = time.perf_counter()
    recs, tru = generate(size, int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    took = time.perf_counter() - t
    if size <= 200:
        for r in recs:
            print(tru[r.id], r)
    print(json.dumps(describe(recs, tru), indent=1, ensure_ascii=False), f"\n{took:.1f}s", file=sys.stderr)
