"""Annotated sentences and paragraphs for the attribution rules (written for this project).

Each case lists the attribution rules that should flag it (by short name: quote, claim, verb,
vague); every other attribution rule should stay silent on it. ``known`` marks a case the
heuristics get wrong on purpose-built text, kept so that precision and recall stay honest:
"miss" (a rule in ``flags`` does not fire) or "false alarm" (a rule not in ``flags`` fires).

Used by tests/test_attribution.py (a table test) and scripts/attribution_eval.py (precision and
recall per rule). None of this text comes from the seed article or the BBC corpus.
"""

from __future__ import annotations

from dataclasses import dataclass

RULES = {
    "quote": "attribution/unattributed-quote",
    "claim": "attribution/unattributed-claim",
    "verb": "attribution/loaded-verb",
    "vague": "attribution/vague-source",
}


@dataclass(frozen=True)
class Case:
    text: str
    flags: frozenset[str]
    topic: str
    known: str | None = None   # "miss" or "false alarm": a documented limitation


def case(text: str, *flags: str, topic: str, known: str | None = None) -> Case:
    assert all(flag in RULES for flag in flags), flags
    return Case(text, frozenset(flags), topic, known)


CASES = [
    # -- quotations: attributed and not --------------------------------------------------
    case("The river burst its banks overnight.\n\n“We lost everything we owned in a single night.”",
         "quote", topic="stand-alone quote paragraph, no speaker"),
    case("“We lost everything we owned in a single night,” said Maria Lopez, who runs the bakery.",
         topic="quote with named speaker after"),
    case("“We lost everything we owned in a single night,” she said.", topic="pronoun speaker"),
    case("Maria Lopez, who runs the bakery, described the night the water came in. “We lost everything we owned "
         "in a single night.”", topic="speaker in the sentence before"),
    case("“We lost everything we owned in a single night.” Those were the first words Maria Lopez told the "
         "volunteers.", topic="speaker in the sentence after"),
    case("According to the fire chief, “the blaze was started deliberately on the ground floor”.",
         topic="according to, partial quote"),
    case("The coach also said: “We have to be braver with the ball next week.”", topic="colon-introduced quote"),
    case("The club’s reply was short: “We do not comment on transfer speculation at all.”",
         topic="colon-introduced quote after a speaker noun"),
    case("“The first thing we did was count the children,” the head teacher said.\n\n“Then we checked every "
         "classroom, one by one, twice.\n\n“Only then did we call the parents.”",
         topic="multi-paragraph quotation, attributed in its first part"),
    case("Parents gathered outside the gates after the alarm.\n\n“Then we checked every classroom, one by one, "
         "twice.\n\n“Only then did we call the parents.”", "quote",
         topic="multi-paragraph quotation with no speaker"),
    case('"The ferry will not sail until the wind drops," the harbour master said.', topic="straight quotes"),
    case('The ferry stayed in port on Friday.\n\n"Nobody is going anywhere until the wind drops."', "quote",
         topic="straight quotes, no speaker"),
    case("Residents were moved to a sports hall for the night.\n\n‘Nobody has told us when we can go home.’",
         "quote", topic="single curly quotes (British style), no speaker"),
    case("The council called the cuts “efficiencies”.", topic="scare quote"),
    case("The so-called “quiet period” ended on Monday.", topic="short quoted phrase"),
    case("The band’s fourth album, “Nights Over Lisbon Harbour”, is out in May.", topic="title"),
    case("The mayor described the plan as “a betrayal of every family on this street”.",
         topic="partial quote, attributed"),
    case("Buses on the estate now run once an hour. The new bus timetable is “a betrayal of every family "
         "on this street”.", "quote", topic="partial quote, no speaker"),
    case("“We will stay,” the farmer said. “The land is ours and we will work it until we cannot.”",
         topic="second quotation reopened after the attribution"),
    case("“They kept shouting ‘get out now, all of you’ at us,” the driver said.", topic="nested quotation"),
    case("The minister posted on social media: “Proud of our firefighters tonight, every one of them.”",
         topic="colon-introduced quote from a post"),
    case("The minister was asked about the delays on Tuesday.\n\nShe was unrepentant.\n\n“We will not apologise "
         "for keeping passengers safe.”", "quote", topic="speaker only implied two paragraphs up"),
    case("Protesters marched through the centre on Saturday.\n\n“No more cuts to our schools and hospitals,” "
         "read one banner.", topic="quote attributed to a banner (read)"),

    # -- claims in the reporter's voice --------------------------------------------------
    case("Since the winter, the regiment has suffered from low morale and desertions.", "claim",
         topic="state of mind (morale), no source"),
    case("Since the winter, the regiment has suffered from low morale and desertions, two officers said.",
         topic="state of mind, sourced"),
    case("The chancellor is furious about the leaked budget figures.", "claim", topic="state of mind"),
    case("The chancellor told colleagues the leak was unacceptable. She is furious that the figures appeared "
         "before the speech.", topic="paragraph that is one attributed statement"),
    case("The new ticket barriers have been a disaster for disabled travellers.", "claim", topic="judgment"),
    case("Local people overwhelmingly oppose the new runway.", "claim", topic="sweeping characterization"),
    case("A poll for the local paper found that people overwhelmingly oppose the new runway.",
         topic="sweeping claim, sourced to a poll"),
    case("The scheme will cost far more than anyone admits.", "claim", topic="beyond anyone's knowledge"),
    case("At least 12 people have been killed in flooding in the north of the country.", "claim",
         topic="casualty claim, no source"),
    case("At least 12 people have been killed in flooding in the north of the country, the emergency "
         "services said.", topic="casualty claim, sourced"),
    case("Around 3,000 people died in the earthquake of 1908.", topic="settled background casualty figure"),
    case("The border was closed in retaliation for the expulsion of two diplomats.", "claim", topic="motive"),
    case("The border was closed in retaliation for the expulsion of two diplomats, according to the foreign "
         "ministry.", topic="motive, sourced"),
    case("The bridge opened in 1932 and was widened in 1978.", topic="background fact"),
    case("The committee will meet again on 4 June to vote on the proposal.", topic="scheduling"),
    case("Smoke was still rising from the warehouse on Tuesday morning.", topic="direct observation"),
    case("Hundreds of people queued outside the bank on Monday morning.", topic="observation with a count"),
    case("Nearly 40% of pupils in the county leave school without a maths qualification.", "claim",
         topic="statistic about people, no source"),
    case("Nearly 40% of pupils in the county leave school without a maths qualification, council figures show.",
         topic="statistic, sourced"),
    case("Shares in the airline rose 4% in early trading.", topic="market move (not about people)"),
    case("“The whole squad is furious and morale is at rock bottom,” one player said.",
         topic="claim inside an attributed quotation"),
    case("The former minister is widely seen as the favourite to succeed her.", "claim",
         topic="sweeping: widely seen"),
    case("Is the government in disarray?", topic="question"),
    case("Senior officers are increasingly frustrated with the pace of reform.", "claim",
         topic="state of mind of a group"),
    case("Rescue teams are desperate to reach the villages before nightfall.", "claim", topic="motive: desperate to"),
    case("The council’s response to the floods was slow and feeble.", "claim",
         topic="judgment outside the word lists", known="miss"),
    case("The festival opens with a disaster movie about a sinking ferry.", topic="disaster as a genre",
         known="false alarm"),
    case("The minister said the report was a whitewash. It was, she added, a disaster for the families.",
         topic="judgments inside reported speech"),
    case("Desperate Housewives drew four million viewers on Sunday.", topic="cue word in a title"),

    # -- loaded attribution verbs --------------------------------------------------------
    case("The developer claimed that the flats would be finished by spring.", "verb", topic="claimed that"),
    case("“We followed every rule,” the chief executive insisted.", "verb", topic="insisted after a quote"),
    case("“It was not our finest hour,” the manager admitted.", "verb", topic="admitted after a quote"),
    case("The driver admitted careless driving at the magistrates’ court.", topic="admitted a charge"),
    case("The former treasurer admitted he had taken the money.", topic="a real admission (admitted he had)"),
    case("Rovers claimed a late equaliser through their captain.", topic="claimed a goal"),
    case("Prosecutors alleged that the pair had forged the invoices.", topic="alleged, legal"),
    case("The neighbour alleged that the landlord had ignored her letters for months.", "verb",
         topic="alleged, not legal"),
    case("Union leaders slammed the pay offer as an insult to nurses.", "verb", topic="slammed … as"),
    case("The car slammed into a wall on the ring road.", topic="slammed, literal"),
    case("The mayor boasted that the city had the cleanest streets in the country.", "verb",
         topic="boasted that"),
    case("The firm denied claims that it had misled customers.", topic="claims as a noun"),
    case("The company claims its new battery lasts twice as long.", "verb", topic="claims, present"),
    case("The company revealed plans for a new factory in the north.", topic="revealed plans (not speech)"),
    case("“They claimed we had broken the contract,” the builder said.", topic="loaded verb inside a quote"),
    case("The chairman conceded: “We got the timing wrong.”", "verb", topic="conceded introducing a quote"),

    # -- vague sources --------------------------------------------------------------------
    case("Critics say the new stadium will never pay for itself.", "vague", topic="critics say"),
    case("It is widely believed that the coach will leave in the summer.", "vague", topic="it is widely believed"),
    case("Some experts believe the virus has been circulating for years.", "vague", topic="some experts believe"),
    case("The deal, sources said, was signed late on Friday.", "vague", topic="sources said, undescribed"),
    case("Research has shown that the treatment cuts recovery time.", "vague", topic="research has shown"),
    case("Economists at the central bank say growth will slow.", topic="described experts"),
    case("Senior diplomatic sources said the deal was signed late on Friday.", topic="described sources"),
    case("It is expected to open next year.", topic="it is expected (a referent)"),
    case("A study by the University of Leeds found that the treatment cuts recovery time.",
         topic="named study"),
    case("According to unnamed sources, the chief executive will step down.", "vague",
         topic="according to unnamed sources"),
    case("It is known locally as the Black Bridge.", topic="it is known as"),
    case("Critics say the council is in disarray.", "vague", topic="vague source makes the claim attributed"),
    case("Many believe the result was fixed.", "vague", topic="many believe"),

    # -- a second batch, annotated before the rules were run on it ------------------------
    case("Officials at the ministry are privately alarmed by the cost of the programme.", "claim",
         topic="state of mind (alarmed)"),
    case("The opposition leader, who has been in office since 2019, said the vote was rigged.",
         topic="judgment in reported speech"),
    case("The election was rigged.", "claim", topic="unsourced accusation"),
    case("“We will be back next season, stronger than ever.”\n\nThe club was relegated on Saturday after a "
         "3-0 defeat.", "quote", topic="opening quote with no speaker anywhere"),
    case("Jones, 34, told the BBC: “I never wanted to leave this town.”", topic="told … colon quote"),
    case("The striker has been in superb form, scoring 14 goals in 20 games.", topic="form backed by numbers"),
    case("Thousands of civilians have been killed since the fighting began in March.", "claim",
         topic="casualty estimate, no source"),
    case("The storm destroyed more than 200 homes, the fire service said.", topic="damage, sourced"),
    case("Dozens of homes have been damaged by the storm.", "claim", topic="damage claim, no source"),
    case("The prime minister conceded that the policy had failed.", topic="a real concession"),
    case("Mr Patel claimed the money had been spent on legal fees.", "verb", topic="claimed + clause"),
    case("“The figures speak for themselves,” claimed Mr Patel.", "verb", topic="claimed after a quote, inverted"),
    case("He is alleged to have taken bribes from two contractors.", topic="alleged (legal passive)"),
    case("Observers say the election was neither free nor fair.", "vague", topic="observers say"),
    case("Many scholars state that the manuscript is a forgery.", "vague", topic="many scholars state"),
    case("It has been suggested that the tunnel will never be finished.", "vague", topic="it has been suggested"),
    case("Studies suggest that children who read at home do better at school.", "vague", topic="studies suggest"),
    case("The government has been widely criticised for its handling of the floods.", "claim",
         topic="widely criticised"),
    case("The senator is said to be considering a run for governor.", "vague", topic="is said to"),
    case("A spokesman for the hospital said two patients were in a serious condition.", topic="spokesman said"),
    case("The hospital is in crisis.", "claim", topic="judgment: in crisis"),
    case("Voters are angry about the rise in energy bills.", "claim", topic="state of mind: angry"),
    case("Police said the driver, who was not wearing a seatbelt, died at the scene.", topic="death, sourced"),
    case("“It’s a mess,” one nurse told me. “Nobody knows who is in charge any more.”",
         topic="second quote after an attributed one"),
    case("One nurse described the ward as “a mess from top to bottom, every single night”.",
         topic="partial quote, attributed"),
    case("The ward has been “a mess from top to bottom, every single night” since the merger.", "quote",
         topic="partial quote, no speaker"),
    case("Her latest novel, “The Salt Roads”, was published in March.", topic="title after novel"),
    case("She said the hotel was “the finest in the whole of the country, bar none”.",
         topic="partial quote after said"),
    case("The government was forced to back down after a humiliating defeat in parliament.", "claim",
         topic="judgment: humiliating"),
    case("Sources close to the prime minister said she would not resign.", topic="described sources"),
    case("Sources said the prime minister would not resign.", "vague", topic="sources said"),
    case("Analysts said the merger would lead to job losses.", "vague", topic="analysts said"),
    case("Analysts at Barclays said the merger would lead to job losses.", topic="described analysts"),
    case("The company blasted the report as “deeply flawed and misleading”.", "verb", topic="blasted … as"),
    case("The rocket blasted off from the launch pad at dawn.", topic="blasted off"),
    case("The minister revealed: “I have been offered another job.”", "verb", topic="revealed introducing a quote"),
    case("Witnesses said the gunman fired at least 20 shots.", topic="witnesses said"),
    case("The gunman fired at least 20 shots into the crowd, killing six people.", "claim",
         topic="casualty claim, no source"),
]
