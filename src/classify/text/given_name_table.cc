// Given names by language/region, written from general knowledge. Lower case, NFC.
#include "text/given_name_table.h"

namespace metagate::classify::text {

const std::string_view kGivenNameText = R"(
aaron abigail adam adrian adriana agnes aidan alan albert alberto alec alex alexa alexander
alexandra alexis alfred alice alicia alison allison alvin amanda amelia amy andrea andrew
andy angela angelina anita ann anna anne annie anthony antonio arthur ashley audrey austin ava
barbara barry beatrice becky ben benjamin bernard beth betty beverly blake bonnie brad bradley
brandon brenda brett brian bridget brittany brooke bruce bryan caleb calvin cameron carl carla
carlos carol caroline carolyn carrie casey catherine cathy charles charlie charlotte cheryl
chloe chris christina christine christopher cindy claire clara claudia clayton clifford cody
colin connor courtney craig cynthia dale damian dan daniel danielle danny darren david debbie
deborah debra denise dennis derek diana diane dominic donald donna doris dorothy douglas dylan
earl edgar edith edward edwin eileen elaine eleanor elijah elizabeth ella ellen emily emma eric
erica erik ethan eugene evan evelyn fiona francis fred frederick gabriel gabriella gary gavin
gemma geoffrey george georgina gerald gloria gordon graham greg gregory gwen hailey hannah
harold harriet harry hayden heather helen henry herbert howard ian isaac isabel isabella
isabelle jack jackie jacob jacqueline jake james jamie jane janet janice jared jason jasmine
jeffrey jennifer jenny jeremy jerry jessica jesse jill joan joanna joanne joe joel john johnny
jonathan joseph josephine josh joshua joyce judith judy julia julian julie justin kaitlyn karen
kate katherine kathleen kathryn katie kayla keith kelly kenneth kevin kimberly kirsty kyle
larry laura lauren lawrence leah leonard leslie liam lillian linda lindsay lisa logan lois
lorraine louis louise lucas lucy luke lydia lynn madison margaret maria marie marilyn marion
martha martin mary matthew megan melanie melissa michael michelle mildred mitchell molly
monica morgan nancy natalie nathan nathaniel neil nicholas nicole noah norman oliver olivia
oscar owen pamela patricia patrick paul paula peggy penelope peter philip phillip phyllis
rachel ralph randy raymond rebecca regina richard rick robert roberta robin roger ronald
rosemary roy russell ruth ryan samantha samuel sandra sara sarah scott sean shannon sharon
shawn sheila shirley simon sophia sophie stacy stanley stephanie stephen steve steven stuart
susan suzanne sylvia tamara tammy tanya teresa terry thomas timothy tina todd tom tony tracy
travis trevor tyler valerie vanessa vera veronica victor victoria vincent virginia walter
wanda warren wayne wendy william willie zachary zoe zoë abby alfie archie bella callum cerys
declan eamon eoin fergus finlay gareth hamish iain isla kieran lachlan niall oisin rhys seamus
siobhan sinead aoife ciara niamh saoirse ruairi tadhg dermot rory ewan alistair moira morag
bethan dafydd gwyneth ifan owain sian ffion tegan carys lowri aled emrys
jayden brayden aiden kaden mason jaxon landon hudson carter wyatt jackson grayson lincoln
easton colton parker nolan asher ezra levi jaxson harper avery scarlett aubrey addison
zoey stella violet skylar paisley everly aaliyah kinsley naomi nevaeh maya elena eliana
gianna valentina kennedy kylie peyton mackenzie makayla brianna trinity destiny jada jalen
deshawn tyrone latoya lakisha tanisha shanice jamal darnell keisha malik terrell
josé jose maría lucía lucia javier alejandro alejandra alonso álvaro alvaro andrés andres
ángel antonia beatriz begoña blanca camila carmen catalina cristina cristian daniela diego
dolores eduardo elena emilio enrique esperanza esteban federico felipe fernanda fernando
francisco gabriela gonzalo guadalupe guillermo gustavo héctor hector ignacio inés ines inma
irene isidro jaime jesús jimena joaquín joaquin jorge josefa juan juana julio leticia lorena
lourdes luis luisa manuel manuela marcela marcos margarita mariana mario marisol marta martín
mateo matías matias mercedes miguel milagros mónica nicolás nicolas noelia óscar pablo paloma
patricio pedro pilar rafael ramón ramon raquel raúl raul ricardo roberto rocío rodrigo rosa
rosario santiago sebastián sebastian sergio silvia sofía sofia susana teresa tomás valeria
verónica vicente ximena yolanda agustín agustina benjamín bruno emiliano facundo florencia
valentín thiago santino renata luciana martina josefina paula nahia iker unai aitor ainhoa
joão joao mateus matheus gustavo guilherme rafaela gabriel thiago tiago rodrigo vinícius
vinicius leonardo lucas heitor davi arthur bernardo miguel enzo pedro samuel lorenzo caio
felipe henrique murilo otávio raimundo sebastião severino ana beatriz bianca bruna camila
carolina daniela fernanda francisca gabriela giovanna isabela júlia julia larissa letícia
luana manuela mariana natália patrícia rafaela renata sabrina tatiana thaís vitória yasmin
inês leonor matilde carlota duarte gonçalo rui nuno afonso diogo luís
jean pierre jacques michel philippe alain bernard patrick nicolas christophe sébastien
sebastien frédéric frederic laurent éric olivier thierry stéphane stephane pascal françois
francois julien guillaume antoine mathieu maxime romain vincent jérôme jerome arnaud benoît
benoit cédric cedric damien florian thibault thibaut théo theo hugo louis léo leo gabriel
raphaël raphael arthur jules adam lucas clément clement baptiste corentin quentin mathis
enzo tristan valentin alexandre aurélien aurelien gaël gael loïc loic yann yannick hervé herve
marie nathalie isabelle sylvie catherine françoise martine christine monique nicole valérie
valerie sandrine stéphanie sophie céline celine émilie emilie aurélie aurelie julie camille
chloé léa lea manon inès anaïs anais clémence clemence océane oceane margaux mathilde pauline
amélie amelie hélène helene élodie elodie juliette charlotte louise zoé jade lina léna lena
maëlle maelle laure brigitte geneviève genevieve mireille odile solène solene agathe apolline
capucine noémie noemie héloïse heloise éloïse eloise ambre coralie delphine estelle gaëlle
josiane ginette danielle colette jeanne marguerite adèle adele
hans jürgen jurgen klaus dieter wolfgang werner günter gunter günther helmut horst manfred
uwe gerhard heinz karl karl-heinz friedrich wilhelm heinrich hermann rainer rolf bernd jörg
jorg jens lars sven stefan stephan thorsten torsten tobias sebastian florian matthias
andreas markus marcus christian alexander maximilian lukas luca leon finn jonas elias paul
felix ben noah niklas niclas moritz jannik julian tim timo fabian dominik philipp kai uli
ulrich volker norbert reinhard ralf detlef joachim siegfried gottfried ludwig konrad otto
emil anton jakob johann johannes benedikt leopold vinzenz korbinian quirin
ursula ingrid gisela helga renate monika petra sabine susanne claudia andrea birgit karin
gabriele heike anke silke katrin kathrin nicole stefanie tanja anja jana julia lena laura
lea leonie lina mia hannah emilia marie sophia johanna charlotte greta frieda ida clara
mathilda luise amelie annika franziska friederike gudrun hildegard irmgard liselotte
waltraud elfriede gertrud brunhilde edeltraud jutta dagmar doris bärbel barbel elke
giuseppe giovanni antonio mario francesco luigi angelo vincenzo pietro salvatore carlo franco
domenico bruno paolo michele giorgio aldo sergio luciano roberto stefano alessandro andrea
marco matteo lorenzo davide riccardo federico gabriele leonardo tommaso edoardo simone
filippo emanuele giacomo alessio daniele massimo maurizio fabrizio claudio enrico gianluca
gianni nicola raffaele cesare dario fabio ettore vittorio umberto rocco sandro
giulia chiara francesca sara martina alessia valentina federica elisa silvia elena beatrice
aurora alice ginevra sofia greta anna rosa giuseppina concetta carmela lucia paola
antonella cristina daniela simona stefania laura roberta barbara patrizia raffaella
ilaria veronica serena giorgia noemi arianna camilla bianca caterina donatella ornella
jan pieter piet hendrik henk kees cornelis johannes joost bram daan sem thijs ruben jesse
lars bas sander stijn teun wouter willem gijs koen jeroen maarten arjen bart dirk freek
floris jelle jochem luuk mees niels rutger sjoerd tijmen wim wessel
anouk femke fenna fleur floor ilse iris jasmijn lieke lotte lotte marieke maud mirjam noor
roos saskia sanne sophie tessa vera wilma yvonne eline esther ingrid janneke karlijn
lars björn bjorn sven erik anders nils olof olov per magnus gustav gustaf johan henrik
fredrik mikael mattias oskar axel viktor hugo elias william linnea astrid ingrid sigrid
karin kerstin birgitta britt elsa freja frida ebba maja alva saga wilma agnes tove
søren soren jens mads rasmus mikkel kasper anders niels morten troels frederik christoffer
mette sofie ida emma signe sara line pernille camilla maja freja katrine louise
ole knut olav håkon hakon sindre eirik even øystein oystein geir trond arne bjørn kjell
leif terje tor torbjørn torbjorn ingrid solveig ragnhild kari liv sigrun nora ingeborg
jukka mikko matti pekka juha timo antti jari kari heikki ville janne tuomas lauri eero
aino aili anneli helmi kaisa leena liisa marja minna päivi paivi riikka satu tuija
jón jon gunnar sigurður sigurdur guðrún gudrun ólafur olafur
łukasz lukasz piotr paweł pawel krzysztof tomasz marcin michał michal jakub mateusz kamil
grzegorz wojciech rafał rafal adam dariusz andrzej marek jacek jerzy tadeusz zbigniew
stanisław stanislaw bartosz szymon maciej przemysław przemyslaw sławomir slawomir janusz
kazimierz bogdan mirosław miroslaw wiesław wieslaw zdzisław zdzislaw
agnieszka anna małgorzata malgorzata katarzyna barbara ewa krystyna elżbieta elzbieta
joanna magdalena monika dorota aleksandra natalia karolina justyna beata agata zofia
jadwiga halina irena wanda grażyna grazyna bożena bozena urszula renata iwona marta
weronika wiktoria zuzanna julia maja oliwia hanna
ivan dmitri dmitry dmitrii sergei sergey alexei alexey aleksei andrei andrey mikhail nikolai
nikolay vladimir yuri yury igor oleg pavel konstantin boris anatoly viktor gennady vadim
vasily valery evgeny yevgeny stanislav vyacheslav ruslan rustam timur artem artyom maxim
kirill denis egor yegor ilya roman anton arkady leonid fyodor fedor grigory semyon stepan
svetlana natalia natasha olga tatiana tatyana irina elena yelena ekaterina yekaterina
anastasia anastasiya marina galina lyudmila ludmila larisa ksenia kseniya yulia yuliya
oksana valentina vera nadezhda lyubov polina daria darya alina sofiya veronika ulyana
zhanna inna alla raisa nina zoya taisiya evgenia yevgenia alisa milana
bohdan taras mykola petro vasyl oleksandr oleksiy andriy yaroslav volodymyr dmytro serhiy
yevhen hanna olena iryna nataliya kateryna tetiana yaroslava solomiya
jiří jiri petr tomáš tomas martin lukáš lukas jakub jaroslav miroslav zdeněk zdenek vojtěch
vojtech ondřej ondrej václav vaclav karel
jana eva hana lenka kateřina katerina lucie veronika tereza petra zuzana
milan dragan goran zoran nenad nikola marko stefan luka aleksandar dejan bojan miloš milos
dušan dusan vladan ivana jelena milica marija ana dragana snežana snezana tijana
mehmet mustafa ahmet ali hüseyin huseyin hasan ibrahim ismail osman yusuf murat ömer omer
ramazan halil süleyman suleyman abdullah mahmut recep kemal orhan emre burak serkan volkan
onur cem can deniz barış baris erkan fatih gökhan gokhan hakan kaan kerem tolga uğur ugur
yiğit yigit arda berk efe emir eren alp oğuz oguz selim tarık tarik
ayşe ayse fatma emine hatice zeynep elif merve büşra busra esra özlem ozlem derya ebru
gül gul sibel selin irem ceren damla tuğba tugba pınar pinar şeyma seyma buse dilara
melek nur yasemin songül songul hülya hulya aylin aslı asli defne ecrin
muhammad mohammed mohamed mohammad mohamad ahmad ahmed mahmoud mahmud mustafa hassan hussein
husain hussain omar umar abdul abdullah abdulrahman abdelrahman abdel karim kareem khalid
khaled tariq tarek youssef yousef yusuf ibrahim ismail hamza bilal samir sami nabil rashid
rashed faisal fahad fahd saad saeed said sayed walid waleed nasser naser ziad ziyad jamal
adel adil amir amin amine anas ayman bashir hamid hamed hisham jalal karam majid marwan
mounir munir nadir nizar osama usama qasim rami riad riyad salah salim salem sultan talal
wael yasser yasir zaid zayd zakaria zakariya idris idriss houssam othman uthman abbas
fatima fatimah aisha aicha ayesha khadija khadijah maryam mariam zainab zaynab layla leila
laila amira amina aminah noura nour nora huda hoda hana hanan rania randa reem rim salma
samira sara sana nadia nadya yasmin yasmine jamila lina dina dalia rana mona mouna rasha
rawan lubna widad nawal souad suad latifa hafsa asma asmaa safiya samar ghada iman eman
imane malak maha meriem nisrine najat
reza ali mohammadreza hossein hosein mehdi amir amirhossein ehsan arash babak behnam
behrouz bijan dariush darius farhad farid farshid hamid hamidreza kamran kaveh kourosh
cyrus mahdi majid mansour masoud mohsen morteza nima omid payam pedram peyman pouya ramin
saeed shahin shahram siavash sina vahid yousef
azadeh fariba farnaz fereshteh golnar leila mahsa mahnaz maryam mina mitra nasrin
negar niloufar parisa parvaneh roya sara shirin soheila sepideh tara yasaman zahra ziba
aarav aditya ajay akash amit anand anil ankit arjun arun ashok ashish deepak dev dinesh
gaurav harish hemant jay karan kiran krishna kunal lalit mahesh manish manoj mohan mukesh
naresh naveen neeraj nikhil nitin pankaj pradeep prakash pranav prashant rahul raj rajesh
rajiv rakesh ram ramesh ravi rohan rohit sachin sameer sandeep sanjay santosh satish
saurabh shankar shyam siddharth sunil suresh tarun uday varun vijay vikas vikram vinay
vinod vishal vivek yash abhishek aditi akshay anirudh aryan ishaan vihaan reyansh ayaan
sai shaurya atharv advait dhruv kabir arnav
aarti aishwarya akanksha amrita ananya anjali ankita anita anu anusha archana asha bhavna
deepa deepika divya gayatri geeta gita isha jaya jyoti kajal kavita kavya komal lakshmi
lata madhu manisha meena meera megha neha nisha pooja puja preeti priya priyanka radha
rani rashmi rekha ritu riya sakshi sangeeta sanjana sarita shalini shilpa shreya shruti
simran sneha sonal sonia suman sunita swati tanvi usha vandana varsha vidya aadhya saanvi
diya anika myra kiara pari navya ishita tanya
murugan senthil karthik karthikeyan arun kumar suresh ramesh saravanan selvam vignesh
venkatesh srinivasan balaji ganesh rajkumar prabhu subramanian muthu anbu arjun
lakshmi meenakshi kavitha priya revathi saranya divya deepa anitha sangeetha vani
sudha geetha malathi padma jayanthi kalpana shanthi
rahim karim habib rafiq shafiq jahid zahid rubel sohel shakil arif asif imran nasir
tanvir rakib rezaul mizanur anisur shahidul moinul sumon sujon biplob
farzana nasreen shirin rokeya taslima sharmin sultana tahmina rehana ruma rupa mitu
gurpreet harpreet jaspreet manpreet simranjeet amarjeet baljeet harjit jasbir kulwinder
paramjit sukhwinder navjot
olamide oluwaseun seun tunde babatunde adebayo adewale ademola adeola adeyemi ayodele
ayomide bolaji damilola femi folake funmilayo funke kayode kehinde taiwo kemi lola
oluwafemi olumide segun sola temitope tope tolu tolulope toyin wale yemi bisi bukola
chidi chidinma chika chinedu chinonso chioma chukwuemeka emeka ifeoma ifeanyi ikenna
ngozi nkechi nnamdi obinna ogechi uche uchenna adaeze adaora amaka ebuka kelechi
obiageli chiamaka chinwe nneka onyeka somto
abubakar aminu bello danjuma garba hadiza halima ibrahim musa sani umaru usman yakubu
zainab aisha binta hauwa jummai kabiru
kwame kofi kojo kwabena kwaku yaw kwesi ama akua abena adwoa afia efua esi yaa
akosua adjoa nana
juma baraka jabari kamau otieno omondi odhiambo wanjiru wanjiku njeri akinyi achieng
atieno wambui nyambura muthoni amani imani neema zawadi rehema
thabo sipho themba bongani mandla sibusiso sbusiso lindiwe nomvula thandiwe zanele ayanda lerato
palesa nandi zodwa tshepo kagiso mpho lesedi
tendai tatenda farai tafadzwa chipo rudo nyasha
abebe alemayehu bekele dawit getachew haile kebede mesfin solomon tesfaye yohannes
almaz genet hirut meseret selam tigist tsion
wei jing lei jun yan fang ming hui ying hong xin yu yong jie hao tao bo qiang chao
gang ping hua lin mei xiaoming xiaoling xiaoyan xiaohong xiaowei jianguo jianhua jianjun
zhiwei zhiqiang haoran yuxuan zihan zixuan yichen yiming yang jiahui jiayi xinyi yuting
mingyu junjie jiawei zhihao chen li na fei lan qing xia xue yue zhen zhi zhong feng
guang hai jian kai kang liang long peng qiang rui shan shu song wen xiang xiu yao
kenji hiroshi takeshi takashi akira kazuki kenta kenichi koji makoto masato naoki
satoshi shota shun shunsuke sho taro tatsuya tomoya yuki yusuke yuto haruto sota riku
hinata minato ren daiki daisuke hayato hiroki hiroto kaito kazuya keita kosuke ryota ryo
shinji shin tetsuya toshio yoshio yuichi yuji yuma yusei haruki
hanako yumi yoko keiko akiko emi hana hina haruka kana kaori kazue mai mami mariko
megumi michiko mika miki misaki mio miyu naomi noriko reiko rin sakura sayaka tomoko
yui yuka yuko yumiko yuna aoi airi asuka ayaka ayumi chihiro chiyo eri fumiko hitomi
kumiko mayumi momoko nanami natsuki satomi shiori sumire
minjun min-jun seojun seo-jun doyun do-yun jiho ji-ho jihoon ji-hoon junho jun-ho
joon minho min-ho hyun hyunwoo hyun-woo jaehyun jae-hyun seungwoo seung-woo sungmin
sung-min taehyun tae-hyun youngho young-ho donghyun dong-hyun sanghoon sang-hoon
jiwoo ji-woo siwoo si-woo hajun ha-jun yejun ye-jun jungkook jimin ji-min
seoyeon seo-yeon jiyeon ji-yeon minji min-ji soyeon so-yeon yuna hayoon ha-yoon jiwon
ji-won eunji eun-ji hyejin hye-jin jieun ji-eun sujin su-jin yeji ye-ji seoyun seo-yun
minseo min-seo chaewon chae-won dahyun da-hyun haeun ha-eun jisoo ji-soo
minh tuan anh hung dung duc hai hieu huy khanh khoa long nam phong quang quoc son tai
thanh thang trung tung viet vinh bao cuong dat hoang kien loc luan nhat phuc
thu thuy trang linh lan ngoc nhung phuong quynh thao trinh uyen van vy yen hoa huong
mai nga nhi tam tien diep giang hang hanh hien hue
jose juan mark jericho jomar rodel ronel marvin rhea maricel marites mylene rowena
lovely princess jenalyn angelica kristine jocelyn jonalyn arnel rommel
budi agus ahmad andi bambang dedi dewi eko hadi hendra indra joko putra rudi rizki
slamet sri sutrisno teguh wahyu yudi adi arief dimas fajar galih gilang irfan
ayu fitri indah kartika lestari nur putri rina siti wulan yanti ratna dian intan
sari wati
aleksi eino onni veeti väinö vaino elias niilo topi oona aada venla pihla iida ella
sourav souvik subhajit arnab arijit debashish sayan sandip soumya ritwik tanmoy anirban
sudipta pritam rupam shreya moumita sreya tanushree debjani paromita
babajide babatunde adekunle adeyinka akinwale ayoola gbenga jide kolade oluwadamilare
oluwatobi oyinda temidayo tolani yewande omotola titilayo abiodun bolanle
chibuike chukwudi ebere ekene ikechukwu izuchukwu kamsi nkem obinna oluchi onyekachi
uzoma ugonna chisom chidera
dong-hyun hyun-jin jae-won ji-hun ji-yeon min-seok seung-hyun soo-jin yeon-woo
zoltán zoltan lászló laszlo istván istvan gábor gabor péter andrás andras attila balázs
balazs csaba ferenc györgy gyorgy imre józsef jozsef tamás bence levente gergely katalin
erzsébet erzsebet ildikó ildiko zsófia zsofia zsuzsanna éva krisztina eszter réka reka dóra
orsolya anikó aniko tünde tunde
mihai ionuț ionut ion gheorghe vasile florin alexandru sorin marius cosmin dragoș dragos
răzvan razvan ioana andreea mihaela raluca roxana oana georgiana alina corina simona
giorgos yiannis giannis nikos kostas dimitris panagiotis christos vasilis eleni katerina
despina vasiliki
yosef moshe avi noam itai yael noa tamar shira yoni eitan ariel omer lior shai yonatan ido
roni neta avraham yitzhak yaakov shlomo rivka chaya efrat
jānis janis andris mārtiņš martins līga liga mantas rūta ruta eglė egle tõnu tonu kadri liis
arben blerim besnik drita elira aram armen tigran anahit lusine giorgi nino levan davit
tamari nursultan aigerim dilnoza sardor bekzod aibek gulnara
usman ayesha zara hira maham asad danish kashif waqas zeeshan shoaib junaid faizan
bikash sagar anish binita sabina prakriti
somchai somsak suda malee nattapong siriporn kanya wichai preecha thanawat ploy
azman farah nurul aisyah hafiz syafiq amirul aiman izzati
tane aroha mere wiremu hemi
amara tobenna fatou aminata mariama moussa mamadou ousmane ibrahima cheikh abdoulaye seydou
awa aissatou kadiatou boubacar oumar sekou lamine youssouf salif adama djeneba fanta
assane thandeka nomsa lwazi karabo naledi tumelo refilwe bonolo palesa kwadwo kwasi abdi
abdirahman hodan farhiya ayaan faadumo hawa mohamud chinwe obi ada ifunanya ugochi tobi
bayo dayo jide kunle nonso onyinye yinka zainab
leo milo theo arlo jude rowan silas atticus archer ezekiel jasper felix hugo rufus otis
ronan emmett everett beckett brody colby dexter elliot elliott finnegan gideon graham
harvey ivan jonah kai knox lennon luca malcolm nico orion quinn reid remy rhett sawyer
tobias wesley xavier zane beatrix cora daphne delilah eloise elsie esme evie flora freya
genevieve greer ingrid josie juniper lila luna mabel maeve margot matilda millie nell
nora ophelia phoebe poppy rosalind sadie sienna thea vivian willa adeline adelaide
alexia allegra anastasia annabel annabelle ariana aurelia bianca brielle camille celeste
dahlia eden elise estelle fern gwendolyn imogen isadora juliet kira lara leila lenora
lorelei lucille marguerite marlowe mira nadia octavia paloma petra priscilla rosalie
sabrina selena serena tabitha talia valentina vivienne yvette zara
иван дмитрий алексей сергей андрей михаил николай владимир александр павел максим артём
артем никита олег игорь юрий евгений антон роман денис кирилл илья егор виктор борис
григорий фёдор федор константин вадим леонид станислав ярослав тимур руслан олександр
андрій дмитро сергій микола василь тарас богдан
ольга анна мария елена наталья татьяна екатерина ирина светлана юлия анастасия марина
галина людмила дарья полина ксения валентина вера надежда софия алина виктория
александра евгения оксана лариса алёна алена олена ірина наталія катерина
γιώργος γιάννης νίκος κώστας δημήτρης παναγιώτης βασίλης χρήστος αλέξανδρος μιχάλης
μαρία ελένη κατερίνα αικατερίνη σοφία δέσποινα αναστασία γεωργία βασιλική ειρήνη
محمد أحمد احمد علي حسن حسين عمر خالد يوسف إبراهيم ابراهيم عبدالله مصطفى محمود طارق سامي
كريم فاطمة عائشة مريم زينب خديجة نور سارة ليلى أمينة هدى سلمى رضا مهدی مهدي زهرا
דוד משה יוסף אברהם יעקב יצחק שרה רחל מרים נועה תמר יעל אורי איתי
राहुल अमित राज प्रिया अनीता सुनीता पूजा रवि विजय संजय आदित्य अर्जुन नेहा सुरेश रमेश
অমিত রাহুল সৌরভ প্রিয়া অনন্যা রবি
முருகன் கார்த்திக் பிரியா லட்சுமி
สมชาย สมศักดิ์ สุดา มาลี
)";

const std::string_view kAmbiguousGivenNameText = R"(
may will mark bill grace joy hope summer page art rose faith june april august autumn
amber ruby pearl ivy iris jade dawn sky river rich guy drew pat sue rob don ray dean
chase hunter miles lane max frank angel sandy rusty honey crystal harmony destiny misty
sunny storm penny ginger holly heather daisy lily violet jasmine olive hazel mason
jordan austin dallas sydney florence victoria georgia chelsea devon paris madison virginia
carolina lincoln hudson jackson regina santiago mercedes dolores rosario trinity
brooklyn phoenix aurora carmen charity patience prudence constance mercy guadalupe
an long son bao nam hai ha ho do hoa lan thu tam hung dung hang hue mai yen
bo ping hong jin ming gang fang song tao hao lin na li yu sung kong
dev ram jay van per even tor jan said salem rim nadir nana shun shin lovely princess sri can
gay rocky bud buck colt earl wolf
)";

}  // namespace metagate::classify::text
