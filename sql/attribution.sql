--
-- Attribution patterns, one short article each, written for this test:
-- who said it, with which cue, and where the reported clause ends.  Every
-- case is a pattern the analyser must read the way a careful analyst reads
-- it; the comment above each row says what it shows.
--
-- This test needs a UTF8 database (curly quote marks): elsewhere it stops
-- here (the pg_trgm idiom).
SELECT pg_catalog.getdatabaseencoding() <> 'UTF8' AS skip_test \gset
\if :skip_test
\quit
\endif
SET client_encoding = 'UTF8';

CREATE TEMP TABLE patterns (id int PRIMARY KEY, what text, body text);
INSERT INTO patterns VALUES
(1, 'X said (that) ...',
 $b$Foreign Minister Ana Ruiz said that the talks with Peru had gone well.$b$),
(2, '..., X said.',
 $b$The border will reopen next week, Ana Ruiz said.$b$),
(3, 'X told Y (that) ...: the addressee',
 $b$Ana Ruiz told her Peruvian counterpart that Chile would send a trade mission.$b$),
(4, 'according to X, ...',
 $b$According to Ana Ruiz, the fisheries agreement will be signed in May.$b$),
(5, 'according to a plain noun phrase',
 $b$Exports rose by a third last year, according to customs data.$b$),
(6, 'stance verbs',
 $b$Ana Ruiz welcomed the decision of the council. Mateo Lind condemned the attack on the convoy.$b$),
(7, 'In a statement, X ...',
 $b$In a statement, the Foreign Ministry urged both sides to return to the table.$b$),
(8, 'a coordinated verb: X met Y and said ...',
 $b$Mateo Lind met the Danish envoy on Tuesday and said the two countries would open a consulate.$b$),
(9, 'a participle after the clause subject',
 $b$Ana Ruiz criticised the new tariffs, calling them a step backwards for the region.$b$),
(10, 'a colon after a clause with another verb',
 $b$Mateo Lind was blunt: “We will not accept these terms.”$b$),
(11, 'a headline: Name: words',
 $b$Ruiz: Chile and Peru close to a fisheries deal

The two governments met in Lima on Monday.$b$),
(12, 'a capital and a country as speakers',
 $b$Beijing warned that it would respond to any new sanctions. Chile said it was ready to mediate.$b$),
(13, 'a plain noun phrase as subject',
 $b$Western diplomats said the ceasefire was holding. In a new survey, 40 percent said they trusted the government.$b$),
(14, 'around the attribution: the clause, he said, goes on',
 $b$Mateo Lind spoke in Oslo. The negotiations, he said, had reached a decisive stage.$b$),
(15, 'the reported clause ends at ", but" and in a subordinate clause',
 $b$Ana Ruiz said the talks were useful, but the two sides remain far apart on quotas. While Mateo Lind says the plan is fair, the opposition has rejected it.$b$),
(16, 'a quote goes on past a title in quotes',
 $b$“We are ready to talk,” Ana Ruiz said on the radio show “Morning Report” on Sunday. “The door is open.”$b$),
(17, 'titles and scare quotes without a speaker are no quotes',
 $b$The minister wore a cap reading “Peace First” at the rally. The “peace dividend” never came.$b$),
(18, '"he continued" next to a quote',
 $b$“The region needs stability,” Ana Ruiz said. “It also needs trade,” she continued.$b$),
(19, 'after a determiner: said the younger X',
 $b$“We never give up,” said the younger Mr. Lind.$b$),
(20, 'an inverted plain noun phrase',
 $b$“It will be a long winter,” said one European diplomat.$b$),
(21, 'guillemets, interrupted by the attribution',
 $b$«We remain ready for dialogue», said Ana Ruiz, «but not at any price».$b$),
(22, 'a dash after the quote',
 $b$“The ceasefire must hold” — Mateo Lind, speaking in Geneva on Friday.$b$),
(23, 'a quote inside a quote',
 $b$“When the envoy told me ‘we are done here’, I knew the talks had failed,” Ana Ruiz said.$b$),
(24, 'a quote over two paragraphs (the first left open)',
 $b$Mateo Lind said: “We have worked for months on this text.

“Today we can finally sign it.”$b$),
(25, 'interrupted by the attribution',
 $b$“We are close,” Ana Ruiz said, “but not there yet.”$b$),
(26, 'an unbalanced mark does not break the rest',
 $b$The minister left “early on Tuesday. Mateo Lind said the talks would resume in March.$b$),
(27, 'more stance and speech verbs',
 $b$Ana Ruiz stressed that the deal was fair. Mateo Lind reiterated that Denmark would stay. The minister thanked Peru for its help. Both sides pledged to meet again. Ana Ruiz underscored the need for calm. Mateo Lind highlighted the role of the port.$b$),
(28, 'a relay: the ministry said the minister stressed ...',
 $b$The Foreign Ministry said Ana Ruiz stressed that Chile wanted a fair settlement.$b$),
(29, 'an addressee and a coreferent pronoun',
 $b$Ana Ruiz told her Danish counterpart that talks would resume. She added that Chile was ready.$b$),
(30, 'called for, warned of',
 $b$Mateo Lind called for an immediate ceasefire in the region. Ana Ruiz warned of a humanitarian crisis at the border.$b$),
(31, 'a briefing transcript: labels in capitals, an answer over two paragraphs',
 $b$MR OKAFOR: Good afternoon, everyone. We have a busy day.

QUESTION: Will the talks resume?

MR OKAFOR: They will resume next week in Geneva.

I think both delegations are ready for a long session.$b$),
(32, 'a colon ending the paragraph: the quote opens the next one',
 $b$Asked about the border, Ana Ruiz said:

“We will not close it, whatever happens.”$b$),
(33, 'a headline label with a quotation in single marks: direct',
 $b$Ana Ruiz: ‘We Will Not Close The Border.’

The minister spoke in Lima on Monday.$b$),
(34, 'a scare quote with its comma inside, no speaker: no quote',
 $b$The port, once a “free zone,” lost that status in 2010.$b$),
(35, 'a markup attribute in quote marks: no quote',
 $b$The full text is on <a href="ministry site">the ministry page</a> since Monday.$b$),
(36, 'X wrote, “...”: an opening mark after a comma opens, even before a cue word',
 $b$Later in the letter, Ana Ruiz wrote, “Speaking for the ministry, I welcome the deal.”$b$),
(37, 'a headline ending in a quotation in single marks, after a colon',
 $b$Chilean Minister On Border Talks: ‘We Will Not Wait Another Year.’

The talks resume in Lima on Monday.$b$),
(38, 'a work and its author: “...,” by X is no quote',
 $b$Also new this week, “Port of Callao reopens after a long dispute,” by the Lima Herald’s Mateo Lind.$b$),
(39, 'two coordinated quotes: a short one keeps its partner’s standing',
 $b$Outside the hall in Lima, the crowd chanted “We want peace” and “Go home now.”$b$),
(40, 'a paragraph ending in "X continued:": the next paragraph''s quote, with that cue',
 $b$Mateo Lind spoke to reporters in Lima on Monday.

Lind continued:

“We will sign the treaty in May, whatever the opposition says.”$b$),
(41, 'a mixed quote ending in “...,” adding, “...”: the participle takes the second quote',
 $b$Ana Ruiz told reporters that the plan was “a reckless gamble,” adding, “We will not sign it this year.”$b$),
(42, 'a progressive cue: X is telling Y that ...',
 $b$Ana Ruiz is telling supporters that the talks will resume. Mateo Lind is insisting that the port “will stay open.”$b$),
(43, '“...,” X notes.: a cue in a form that is also a noun, closing the quote''s attribution',
 $b$Mateo Lind spoke in Lima on Monday.

“We can point to only two results so far,” Lind notes.$b$),
(44, '“...,” said <a source not resolved>: the quote keeps its cue',
 $b$“This is eerily similar to the first round of talks,” said one longtime adviser to the minister in Lima.$b$),
(45, 'a sign that read “...”: the cue before the quote',
 $b$Outside the ministry in Lima, one protester held up a sign that read “No more walls at the border.”$b$),
(50, 'a stance with a plain noun phrase as subject (a poll)',
 $b$In the new survey, 19 percent of farmers support the trade deal.$b$),
(51, 'a noun phrase subject with a slash',
 $b$The latest Ipsos/Reuters poll showed Ana Ruiz leading the race.$b$),
(52, 'intentions: plans to, refused to; the infinitive ends at a comma',
 $b$Ana Ruiz plans to visit Lima in May. Mateo Lind refused to sign the protocol, which the opposition had drafted.$b$),
(53, 'a stance object ends at a comma',
 $b$Ana Ruiz endorsed the proposal, giving the coalition a majority in the council.$b$),
(54, 'a day between subject and cue',
 $b$Mateo Lind on Friday criticised the fishing quotas.$b$),
(55, 'declined to comment: a two-word infinitive',
 $b$Ana Ruiz declined to comment.$b$),
(56, 'the accused belongs to the content',
 $b$Mateo Lind accused Ana Ruiz of blocking the reform.$b$),
(60, 'a verb out of the cue list next to a quote',
 $b$“Nobody wants another winter like this one,” Mateo Lind grumbled. “The port stays open!” beamed Ana Ruiz.$b$),
(61, 'a clause with another verb and a colon ends the paragraph: its subject speaks the next',
 $b$After the vote, Mateo Lind listed the conditions of his government:

“The troops must leave the border first.”$b$),
(62, 'a quote in two apostrophes ending in a quote of its own',
 $b$''The envoy told us, 'We are done here,''' Ana Ruiz said. ''Nobody would say 'never,''' said Mateo Lind.$b$),
(63, 'sentence openers are no speakers (Later, Following ...)',
 $b$Later on Sunday, Mateo Lind met the Peruvian envoy, calling the meeting a turning point. Following a dinner with the envoy, Ana Ruiz praised the talks, describing them as frank.$b$),
(64, 'a short phrase with a determiner, then the name in commas',
 $b$“We will be back in May,” the head of the delegation, Mateo Lind, told reporters. Her closest adviser, Ana Ruiz, said the offer was generous.$b$),
(65, 'an inverted cue before a possessive: the possessor''s person speaks',
 $b$“The harbour is ready,” said Valparaíso’s Ana Ruiz.$b$),
(66, 'a party word describes the person named after it',
 $b$“We will win this state,” said the Republican nominee. Democratic front-runner Ana Ruiz told reporters that the race was close.$b$),
(67, 'a quote ends a sentence; the next sentence''s cue speaks what follows it',
 $b$Ana Ruiz said the offer was “generous and fair.” Mateo Lind writes that “the port will stay open for years.”$b$),
(68, 'a parenthesis after the subject of a participle',
 $b$In a statement, Ana Ruiz (Liberal Party) reacted to the vote, saying the result was a disgrace.$b$),
(69, 'a label after a dash in a digest: Name: “...”',
 $b$PORT TALKS STALL AGAIN - Mateo Lind: “Nobody in Lima expected a deal this week.”$b$),
(70, 'an apposition after the subject of a participle or a colon',
 $b$Mateo Lind, the head of the delegation, left the room, calling the offer an insult. Ana Ruiz, a veteran of such talks, was calm: “We will meet again.”$b$),
(71, 'she after a man spoke: the latest speaker known to be a she',
 $b$Ms. Ana Ruiz said the talks went well. Mr. Mateo Lind said the port would stay open. She added that Chile was ready to sign.$b$),
(72, 'a place before the comma of a long apposition is not its subject',
 $b$Ana Ruiz, at a town hall in Temuco, Araucanía, said the port would stay open.$b$),
(73, 'a short phrase between the cue and its quote',
 $b$Mateo Lind, who spoke after the vote, declared in the conference room, “The port will stay open.”$b$),
(74, 'an addressee and a short phrase between the cue and its quote',
 $b$Ana Ruiz told reporters in Lima on Friday, “We have not given up.” Mateo Lind left early, telling the crowd, “See you all in May.”$b$),
(75, 'he or she before anyone spoke: the most mentioned person so far',
 $b$Foreign Minister Ana Ruiz arrived in Lima on Monday. There were crowds for Ana Ruiz in the streets, and reporters followed Ana Ruiz and Mateo Lind all day. She said the talks had gone well.$b$),
(80, 'a quote chain past the speaker''s own reported clause and relative clause',
 $b$“The port will stay open,” Ana Ruiz said, noting she would support any deal that kept the jobs. “We have built a strong case.” “We are ready,” said Mateo Lind, a delegate who has accused the council of delay. “The vote must happen now.”$b$),
(81, 'a question in quotes, then X told Y',
 $b$The council met again.

“Who knows what the council will do?” Ana Ruiz told reporters in Lima.$b$),
(82, 'a quote opening the sentence after one whose subject spoke',
 $b$Mateo Lind tweeted a warning on Monday. “The port cannot stay closed for another winter.”$b$),
(83, 'X said, according to an outlet: the outlet relays the quote',
 $b$“The talks were useful,” Ana Ruiz said at a press conference, according to the Andes Herald.$b$),
(84, 'a quote inside a clause whose subject spoke',
 $b$Mateo Lind tweeted about “a reckless gamble with our future” before the vote.$b$),
(90, 'after an inverted cue, a name before a titled name modifies it',
 $b$“The port will stay open,” said former Nueva Araucanía Gov. Mateo Lind. “We will sign in May,” said Temuco Harbour Watch President Ana Ruiz.$b$),
(91, 'an office without a name or a country is no speaker; with a country it is',
 $b$The senator said the bill was dead. The Chilean foreign minister said the talks would resume.$b$),
(92, 'a title word after an honorific is the name',
 $b$“Nobody expected a deal,” Mr. King said.$b$),
(93, 'an organisation''s name goes on through for and of',
 $b$The Center for Pacific Trade said exports rose by a third. The Institute of Andean Studies warned that the deal would fail.$b$),
(94, 'a government named by a common noun without a country is no speaker; with one it is',
 $b$The administration said the border would reopen. The Peruvian government said it would wait for the vote.$b$),
(100, 'a quote inside a clause without a cue: its person subject',
 $b$Ana Ruiz coached the delegates to “stay calm and keep the port open.”$b$),
(101, 'a quote inside a clause without a cue: he after a speaker, past an apposition',
 $b$Mateo Lind said the port would reopen. He, the harbour chief, coached the delegates to “stay calm and keep the port open.”$b$),
(102, 'a quote inside a clause without a cue: an organisation subject is not taken',
 $b$The Andes Council adopted a plan to “rebuild the harbour within two years.”$b$),
(103, 'a sentence opening with a conjunction: the subject after it, with a participle cue',
 $b$And then Ana Ruiz went on the attack, saying, “The port will stay open for another winter.”$b$),
(104, 'a sentence opening with a conjunction: the subject after it, past an apposition without an article, with a coordinated cue',
 $b$But Mateo Lind, harbour chief in Temuco, met the mayor and added, “We will sign the deal in May.”$b$),
(120, 'a name, descriptors and a title before a name: the named person is the clause subject',
 $b$Ruiz campaign spokesman Tomas Vega responded on the radio, calling the tariffs a mistake.$b$),
(121, 'a possessive, descriptors and a title before a name',
 $b$Lind’s top trade aide Sofia Berg met the mayor on Friday, warning that the port would close.$b$),
(122, 'a capitalised Former and an organisation before a title and a name',
 $b$Former Andes Council envoy Pablo Soto visited the port, saying it would close.$b$),
(123, 'two offices joined by and before one name',
 $b$“The port will stay open,” said former Temuco Gov. and Andes Council Chairman Luis Mora.$b$),
(124, 'a name, an ordinal and a military rank before a name',
 $b$“We are ready to help,” said Navy 2nd Lt. Clara Reyes.$b$),
(125, 'a place and capitalised words before a lowercase title and a name; an outlet and descriptors',
 $b$“The harbour needs dredging,” said Chilean Harbour Fund president Marta Gil. “The dredging will wait,” the Gazette’s senior business editor Pablo Soto wrote.$b$),
(126, 'a cue of musing; a title office before a name after a long place name',
 $b$“Nobody asked the fishermen,” mused Radio Sur co-host Diego Paz. “The vote was rigged,” Valparaiso City Public Advocate Irene Soto said.$b$),
(127, 'party words before a descriptor and a name; a verb before a title is no descriptor',
 $b$Presumptive Republican nominee Tomas Vega met the mayor, saying the border would stay open. Ruiz visited President Ana Lopez and said the border would reopen.$b$),
(128, 'a possessive organisation before a full name after a quote; lowercase descriptors and a title opening a name after "according to"',
 $b$“The port will stay open,” the Andes Trade Council’s Marta Gil told the radio. Copper exports will fall by a third next year, according to trade lawyer Ines Vidal.$b$),
(129, 'Former, a descriptor and "and" before an office and a name; a ", who" aside before the verb',
 $b$Former prosecutor and Temuco Mayor Luis Mora, who backs the plan, visited the port, calling it a waste.$b$),
(110, 'a semicolon outside quotes closes reported content',
 $b$Ana Ruiz said the port would reopen in May; the council has not voted on the budget.$b$),
(111, 'reported content ends before the writer''s ", which" aside',
 $b$Mateo Lind said the deal would cut tariffs on copper, which the northern mines export to Asia.$b$),
(112, 'a comma and which or a semicolon inside quotes stay in the content',
 $b$Ana Ruiz said the plan was “a treaty, which nobody read; a promise nobody kept.”$b$),
(113, '", who" after a name is the writer''s aside; after a common noun it stays in the content',
 $b$Ana Ruiz said the envoy, who arrived on Monday, would stay until May. Mateo Lind said the plan was drafted by Sofia Berg, who has led the talks since March.$b$),
(114, 'a semicolon closes the content of "according to"',
 $b$According to Mateo Lind, the border will reopen next week; the ministry has not confirmed it.$b$),
(130, 'an inverted cue past a capitalised word or three modifiers: the name after them',
 $b$“The harbour will stay open,” said State Senator Mateo Lind. “Nobody wants a strike,” said former port executive Laura Mendez.$b$),
(131, 'a one-word sentence opener (an adverb, a plural noun and an adverb) is no subject',
 $b$Moreover, Mateo Lind, director of the Andes Institute, noted that the port would reopen. Hours later, Ana Ruiz met the mayor, telling reporters, “We will sign the deal in May.”$b$),
(132, 'the subject of a participle: after an opening phrase with commas of its own, after "by" and after "while"',
 $b$Amid calls for new tariffs, quotas and bans, Ana Ruiz met the council, saying the port would stay open. Mateo Lind quashed rumours of a strike by tweeting that the docks would open on Monday. Laura Mendez praised the deal while insisting that the quotas stay.$b$),
(133, 'a cue after an apposition or an aside between dashes: the subject speaks, not the addressee of "told"',
 $b$Another Ruiz ally, Harbour Chief Mateo Lind, told Radio Andes that the port would reopen. Laura Mendez — a close ally of the mayor — told Canal Sur that the vote would wait. Tomas Ortiz — a teacher from Arica — says the port is safe.$b$),
(134, 'an apposition opening with a possessive name before a participle',
 $b$Tomas Ortiz, Ana's father, issued a statement on Thursday, saying a foundation would be created.$b$),
(135, 'a quoted sentence inside another cue''s clause goes to the inverted speech cue after it',
 $b$Polling shows that “the public is not comfortable with the new port,” said Laura Mendez, the editor of a harbour weekly.$b$),
(136, 'a sentence opening with "Said" and a name: the quote after the name''s apposition',
 $b$The village was quiet. Said Laura Mendez, who grew up in the port, “We were all so proud of her.”$b$),
(137, 'an apposed name after a possessive phrase, a party tag before the comma and a short title inside an apposition keep the subject before the cue',
 $b$Ruiz's lawyer, Mateo Lind, said Ortiz was looking for free publicity. After winning the port vote in Arica, Gov. Laura Mendez (R-OH), said, “We will sign it in May.” Ana Ruiz, host of Radio Andes’s “Morning Port,” suggested the mayor’s refusal to sign could cost him the vote.$b$),
(138, 'a time phrase or a channel phrase before the cue and a place closing an apposition are passed over',
 $b$Tomas Ortiz at the time said the port would close. Mateo Lind, a fisherman from Arica, Chile, said the quotas were unfair. Ana Ruiz in a Medium post said the docks would reopen.$b$),
(139, 'a one-word label that is no name speaks nothing, a label before a party tag does; an apposition with a role and no closing comma',
 $b$Wow: the harbour deal is finally done and everyone is happy about it.

Ana Ruiz, president and CEO of Andes Shipping Association stated, “The port will stay open.”

Rep. Mateo Lind (R-S.C.): “I have not heard anyone cite that figure.”$b$),
(140, 'an outlet whose name opens with a place is the outlet, not the place',
 $b$The Washington Post reported that the envoy had left Lima.$b$),
(141, 'a capitalised channel word heading a paper''s name: the paper, also alone',
 $b$The Temuco Post reported that the port was closed. The Post said the council would meet in May.$b$),
(142, 'according to an organisation that modifies a noun: no speaker',
 $b$The harbour is busier than ever, according to a Reuters shipping tally.$b$),
(143, 'an office of a government named by a common noun, without a country: no speaker',
 $b$An administration official said the border would reopen in May.$b$),
(144, 'a name after "in" is a place, no speaker',
 $b$The strike in Temuco showed that the dock workers were angry.$b$),
(145, 'a headline label in capitals that is no name does not speak, nor a label before a list of names',
 $b$LOOK: Photos of the empty harbour are going viral

Temuco: Sofia Berg, Erik Dahl, Lina Okafor, Kofi Mensah

The port reopened on Monday, Ana Ruiz said.$b$),
(146, 'an organisation before the noun of its subject: no speaker',
 $b$A Reuters review found that the copper tariffs had doubled.$b$),
(147, 'according to a count by an organisation: the organisation',
 $b$Ana Ruiz leads the race by 40 delegates, according to a count by The Associated Press.$b$),
(148, 'according to a poll of two organisations, to its comma',
 $b$According to a Reuters/Ipsos poll, the two candidates are tied in Temuco.$b$),
(149, 'members of a body are not the body; the body itself speaks',
 $b$Two members of the Andes Council told reporters that the vote would be close. The Andes Council said the vote would be on Friday.$b$),
(150, 'the agent of a passive "reported by" speaks: the clause subject, or the clause after "As reported by X,"',
 $b$The ceasefire plan was first reported by the Andes Herald. As reported by the Andes Herald, the port will reopen in May.$b$),
(151, '", as first reported by X" after the content; "X first reported"',
 $b$The port will reopen in May, as first reported by the Andes Herald. The Temuco Courier first reported the deal on Monday.$b$),
(152, 'X quoted Y as saying ...',
 $b$The Andes Herald quoted a harbour official as saying the port would reopen in May.$b$),
(153, 'a participle cue after "with" and a name',
 $b$The council split over the plan, with Ana Ruiz calling it “a reckless gamble.”$b$),
(154, '"referring to": the content follows "to"',
 $b$“The port must reopen,” Ana Ruiz said, referring to the harbour of Temuco.$b$),
(155, 'a participle after a channel takes the clause subject',
 $b$Mateo Lind issued a statement Tuesday saying the talks had failed.$b$),
(156, '"asked by X whether ...": the question is the asker''s',
 $b$Asked by Mateo Lind whether the port would reopen, Ana Ruiz said the port would reopen in May.$b$),
(157, 'two words of content after a cue, but not a time',
 $b$Mateo Lind said he would. Ana Ruiz said last week.$b$),
(158, 'a day after the cue, "made clear", a negated auxiliary, "that," before a phrase',
 $b$Ana Ruiz said on Friday she met the envoy. Mateo Lind made clear that the port will stay open. Ana Ruiz hasn’t said whether she will sign. Mateo Lind added that, in Temuco, the vote was close.$b$),
(159, 'stance cues: mock, echo, sees, offered, push for, vouch for',
 $b$Ana Ruiz mocked the plan as a fantasy. Mateo Lind echoed her doubts. Ana Ruiz sees the vote as a test. Mateo Lind offered his support to the mayor. Ana Ruiz pushed for a new vote. Mateo Lind vouched for the envoy.$b$),
(160, 'an -s cue after a comma and an outlet ends its clause: "..., the Chicago Tribune reports."',
 $b$The envoy will visit Temuco on Friday, the Chicago Tribune reports. The port will stay open until June, CNN reports.$b$),
(161, 'an outlet reports the whole sentence that holds an attribution ("X said Y, CNN reported."; inverted)',
 $b$Ana Ruiz said the port will stay open until June, CNN reported. The mayor noted that the vote was close, reported the Washington Examiner.$b$),
(162, 'the reporting outlet after a closing quote, with a time phrase',
 $b$Mateo Lind acknowledged that the deal was “a quiet surrender,” The Washington Post reported in 2015. Ana Ruiz pledged to “keep the port open,” the Orlando Sentinel reported on Monday.$b$),
(163, '"as X put it": a cue before "it", its content after it; not "put it on"',
 $b$As Ana Ruiz put it, “The port is our lifeline.” As Mateo Lind, the mayor of Temuco, put it: “Nobody wants a strike.” Ana Ruiz put it on the table and left.$b$),
(164, 'an aside "first reported by X" after the subject: the agent reports the whole sentence',
 $b$The mayor's remarks, first reported by the Chicago Tribune on Tuesday, angered the council. The port deal, first reported by CNN, will be signed in May.$b$),
(165, '"CBS News reports that": a verb before "that"; not "Most Andean states that"',
 $b$CBS News reports that the envoy will visit Temuco in May. Most Andean states that border the sea have ports.$b$),
(170, 'a region is no speaker, and no "he" after it',
 $b$Mateo Lind toured the harbour on Monday. New Hampshire says the vote will be close. “We will win it,” he said.$b$),
(171, 'a capitalised contraction is no name',
 $b$They’re saying the port will reopen in May. “We're ready,” I'm told by Ana Ruiz. We’re told the envoy will sign. “The port will reopen,” I’m sure.$b$),
(172, 'a part of a group is no named speaker',
 $b$Seventy-two percent of Democrats said the port should reopen. A majority of the Republicans say it should stay closed.$b$),
(173, 'a name between a determiner and a noun modifies the noun',
 $b$Mateo Lind toured Temuco. The Lind campaign projects that “we will win the state.” The Lind ad hits Ruiz for taking money, saying she “sold out the port.” The Herald recently noted that the vote was close.$b$),
(174, 'a plural common noun opening a sentence is no name',
 $b$Ana Ruiz toured Temuco. People say the port will reopen in May. Voters in Temuco said the vote was fair.$b$),
(175, '"Will" before a capitalised verb is no first name',
 $b$Temuco Voters Will Say No to the Port Plan. Will Doyle said the vote was close.$b$),
(180, 'an opening as-clause: "As X put it, “...”", "As the Herald’s X puts it:"',
 $b$As Mateo Lind put it, “The port must reopen before the winter.” As the Herald’s Ana Ruiz puts it: “The vote was close and the city is split.”$b$),
(181, 'a quote after "X, the director of Y said in a statement."',
 $b$Mateo Lind, the port director for the Andes Harbour Board said in a statement. “The port will reopen in May and we are ready.”$b$),
(182, 'a title in quotes inside a long apposition',
 $b$Ana Ruiz, a contestant on a TV show, “The Port,” who went on to work with Lind, said his boss was “always kind and generous.”$b$),
(183, 'a who-clause closing a dash aside',
 $b$A former candidate for mayor -- Ana Ruiz, who lost the 2008 election to Mateo Lind -- said the port would reopen in May.$b$),
(184, 'an apposition with a who-clause that no comma closes',
 $b$“The vote was close and we lost the port,” Ana Ruiz, the pollster who founded a survey firm tweeted on Wednesday.$b$),
(185, 'a party and state code between a name and its verb',
 $b$Senate Majority Leader Pedro Soto, R-Ky., was blunt: “It is time to quit attacking the harbour workers.”$b$),
(186, '", for his part," between a subject and its verb',
 $b$Former Temuco Gov. Mateo Lind, for his part, is labeling the plan “a blatant abuse of power.”$b$),
(187, 'a participle after a person named after a dash',
 $b$Both envoys issued a statement after the talks – Ana Ruiz saying she was “very encouraged” by the mood.$b$),
(188, 'a long apposition between a subject and a coordinated cue',
 $b$But Mateo Lind, making it clear that the harbour mattered more than the other concerns of the region, stood beside the mayor and described the plan as “a sound idea.”$b$),
(190, '"called X unhinged": a name and a one-word complement',
 $b$Ana Ruiz called Lind unhinged. Mateo Lind called Ruiz “reckless.”$b$),
(191, 'acts after a named subject (signed, decided, ordered, knows), not after a pronoun, a place or before a comma',
 $b$Mayor Ana Ruiz signed the port treaty on Monday. Mateo Lind decided to stay in Temuco. The Harbour Board ordered a new survey of the pier. He signed the lease. Chile signed the accord. In the end, Ana Ruiz decided. Mateo Lind knows the port needs money.$b$),
(192, 'a participle cue after "about" and a name: an absolute clause',
 $b$The radio host asked about Ana Ruiz calling the treaty a fraud.$b$),
(193, 'acts with a named subject: wants, voted for (not a pronoun, not "voted" alone)',
 $b$Ana Ruiz wants a new vote on the treaty. Mateo Lind voted for the port budget. She wants more time. The council voted on Monday.$b$),
(194, 'a day between the cue and the colon of a direct quote: "said Thursday: “...”"',
 $b$Ana Ruiz said Thursday: "The port will reopen." Mateo Lind added Friday night: "The fees stay."$b$),
(205, 'a participle after "while", "after" or "before" and one adverb',
 $b$Mateo Lind praised the harbour plan while also saying that the fees were too high. Ana Ruiz left the talks before abruptly declaring the deal dead.$b$),
(206, 'a participle clause between a named subject and its verb ends at its comma',
 $b$Mayor Ana Ruiz, after initially saying she would not sign the treaty, changed course on Friday.$b$),
(207, 'a participle after a comma and one adverb: ", also calling"',
 $b$Ana Ruiz criticised the port plan, also calling the fees too high.$b$),
(210, 'a capitalised manner adverb in a title-case headline is no name word ("Strongly Denies")',
 $b$Harbour Workers Resoundingly Reject The Port Deal.

Mateo Lind Strongly Denies Any Link To The Board.

Ana Kelly said the pier was “ready for ships.”$b$),
(211, 'officials or aides of a named organisation are unnamed people, no speaker ("White House officials said"), but a foreign ministry''s officials speak for it',
 $b$White House officials said the port visit was “a success.” Senate aides said the vote would wait. A White House official said the talks were useful. The White House said it was pleased. Peru welcomed the visit. Foreign Ministry officials said the visit would go ahead. A Foreign Ministry official said Lima was ready.$b$),
(212, 'the quotation dash U+2015 after the closing mark names the speaker, with or without a space, as the em dash does ("..." ― Name)',
 $b$Readers wrote in after the summit.

“The port deal is a good start.” ― Ana Kelly

“Nobody asked the fishermen.”― Mateo Lind.

“Peru should have waited.” ― a reader in Lima$b$),
(213, 'naming, not speech: "called" after an indefinite noun phrase and before a capitalised name ("a group called Port Watch")',
 $b$A group called Port Watch opposed the deal. Fishermen joined a new coalition called Harbour First on Monday. Ana Ruiz called Mateo Lind a fine negotiator.$b$),
(214, 'the title of a work after a work noun or "author of" is no quote, even with a speaker near ("she wrote in her memoir, “Open Waters.”")',
 $b$Ana Ruiz wrote in her memoir, “Open Waters.” Mateo Lind, author of “The Port’s Long Road,” chaired the meeting. Lind spoke on the podcast “Harbour Talk.” Ana Kelly told the show, “We are ready for ships.”$b$),
(215, 'what a crowd chanted or a voice shouted is a quote, however short or capitalised, with the shout as its cue ("chanted “Open The Port!”")',
 $b$The dockers chanted “Open The Port! Open The Port!” outside the hall. Then came chants of “Peru! Peru!” from the back. A man yelled, “Shame!”$b$),
(216, 'words after "titled" or "dubbed" are quoted words, not a dropped title, unless every word is capitalised; a hashtag stays no quote',
 $b$The ministry released a video titled “why the port matters to all of us” on Monday. Fishermen dubbed the plan “a gift to the shipping lobby.” The unions used the hashtag “open port now” all week.$b$),
(217, 'what follows "titled", "entitled" or "slogan" is quoted words, even capitalised, with that word as its cue',
 $b$The ministry ran a radio ad titled, “Open Seas.” Mateo Lind campaigned on the slogan “Ports For All” in 2019. His memo, entitled “The Facts On The Port,” went out on Monday.$b$),
(218, 'a short quote after "as" quotes how someone put it and is kept ("described the plan as “reckless,”")',
 $b$Lind described the port plan as “reckless,” and left the room. The dockers, known locally as “the old guard,” stayed.$b$),
(219, 'a quote followed by a link or by a year in parentheses is a cited excerpt or work, no quote, even with a speaker near',
 $b$Mateo Lind wrote about the pier: “The harbour board will vote on it in May.” http://example.org/pier

The party put up posters with “jobs before cranes, always” (2011) and “the port is ours, not theirs” (2015).

Mateo Lind said, “We will vote next month.”$b$),
(220, 'a title that is also a surname ends a name after a first name or an initial ("Paul T. King"), but opens one before a name ("King Felipe")',
 $b$“The port will reopen,” said Representative Paul T. King of Ohio. King Felipe said the visit was useful.$b$),
(221, 'after "according to", a name that modifies a noun ("a new Harbour Institute poll", "Port Data’s tracker") is no speaker, but a name alone is',
 $b$Most dockers back the deal, according to a new Harbour Institute poll. Ships wait longer, according to Port Data’s shipping tracker. The vote is close, according to Ana Ruiz.$b$),
(222, '"found" or "showed" before a reflexive pronoun is no cue ("found himself playing defense"), but "found that" is',
 $b$Mateo Lind found himself playing defense on the port deal. The Harbour Board found that the pier was unsafe.$b$),
(223, 'speech told inside a closed quote is part of the quoted words ("“... Lind says he will pay ...,” Ruiz said"), unless the cue takes "that" (a statement relaying a report)',
 $b$“I like him, but Lind says he will pay for the pier with nothing,” Ana Ruiz said. “Mateo Lind stressed that the pier would open in May,” the Foreign Ministry said.$b$),
(224, 'Prince is also a surname: "Pedro Prince, chief executive of Harbour Lines, said" is Pedro Prince',
 $b$Pedro Prince, chief executive of Harbour Lines, said the cranes would arrive in June.$b$),
(225, 'a channel or an object with a possessive after "called" is speech, not naming ("A joint statement called Peru''s claim illegal")',
 $b$A joint statement called Peru's claim to the islands illegal. A council resolution called Lima's new tariffs a breach of the treaty.$b$);

-- Every quote of every pattern: speaker (NULL for an unnamed source such as
-- "customs data"), cue, kind, content, and the channel and addressee.
SELECT p.id, q.speaker, q.cue, q.kind, q.content, q.channel, q.addressee
FROM patterns p, diplo_quotes(p.body) q
ORDER BY p.id, q.content_start, q.content_len DESC;

-- Patterns without any quote (17, 34, 35 and 38 are the ones expected here).
SELECT p.id, p.what
FROM patterns p
WHERE NOT EXISTS (SELECT 1 FROM diplo_quotes(p.body))
ORDER BY p.id;

-- The speakers of the place and noun-phrase patterns, with their type and
-- country.
SELECT p.id, s.name, s.type, s.country
FROM patterns p, diplo_speaker_details(p.body) s
WHERE p.id IN (11, 12, 91, 93, 94)
ORDER BY p.id, s.name;

-- The speakers of the outlet patterns, named as the text names them.
SELECT p.id, s.name, s.type, s.country
FROM patterns p, diplo_speaker_details(p.body) s
WHERE p.id BETWEEN 140 AND 149
ORDER BY p.id, s.name;
