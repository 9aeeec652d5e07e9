-- Sample articles for the diplo demo.  Written for this project (not taken
-- from any publication); people and events are invented.

INSERT INTO articles (id, title, published, body) VALUES
(1, 'Okafor, Mwangi discuss trade and regional security in phone call', '2024-03-04',
$article$Foreign Minister Amara Okafor held a telephone conversation with her Kenyan counterpart Daniel Mwangi on Monday, the Foreign Office said.

According to a statement issued by the ministry, the two ministers discussed bilateral relations, trade and investment, and security in the Horn of Africa.

The Foreign Office said Okafor stressed that “dialogue remains the only path to lasting peace” in the region. She underlined Nigeria’s commitment to deepening economic cooperation with Kenya, the statement said.

Mwangi thanked Okafor for Nigeria’s support during the COVID-19 pandemic and said Nairobi looked forward to hosting the next round of talks.

“We agreed to meet in person before the end of the year,” the foreign minister said, according to the readout.$article$),

(2, 'Ceasefire talks resume in Geneva', '2024-05-16',
$article$GENEVA — Negotiators returned to the table on Thursday as pressure grew for a deal before the summer.

“We are closer than we have ever been,” said UN envoy Martin Keller, speaking to reporters outside the Palais des Nations.

Keller said the two sides had agreed on an exchange of prisoners but remained divided over the border. “The hardest questions,” he added, “are still in front of us.”

The Turkish foreign minister, Selin Aydin, told reporters: "Turkey will support any agreement that both parties accept."

Paris's top diplomat also weighed in on Thursday evening. "France stands ready to help," he said in a statement posted online.$article$),

(3, 'EU ministers pledge more climate funding', '2024-09-23',
$article$BRUSSELS — European Union foreign ministers agreed on Monday to increase climate finance for developing countries.

''This is a moment of responsibility,'' said Ingrid Holm, Sweden's minister for foreign affairs. She added that the bloc would ''not walk away'' from its commitments.

Portugal's foreign minister João Ferreira welcomed the decision. He said the agreement sent a strong signal ahead of the climate summit in November.

‘We cannot wait any longer,’ Ferreira told journalists after the meeting.$article$),

(4, 'China and Australia to resume trade dialogue', '2024-11-06',
$article$BEIJING — China and Australia have agreed to resume their annual trade dialogue after a pause of three years, the Chinese foreign ministry said on Wednesday.

“Both sides showed sincerity and a willingness to work together,” spokesperson Li Na told a regular press briefing. She said the talks would cover tariffs on wine and barley.

Australian Trade Minister Tom Hale welcomed the announcement. Canberra would "approach the talks in good faith", he said, adding that exporters had waited long enough.$article$);
